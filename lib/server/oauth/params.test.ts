import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../core/errors';
import { readOAuthParams, requireCliClient, requireGrantType, requireParam } from './params';

const form = (body: string, type = 'application/x-www-form-urlencoded') =>
  new Request('http://rolegate.test/api/v1/token', { method: 'POST', body, headers: { 'content-type': type } });
const code = (c: GatewayError['code']) => (e: unknown) => e instanceof GatewayError && e.code === c;

test('reads form and JSON bodies', async () => {
  assert.deepEqual(await readOAuthParams(form('grant_type=refresh_token&client_id=rolegate-cli')), { grant_type: 'refresh_token', client_id: 'rolegate-cli' });
  assert.deepEqual(await readOAuthParams(form('{"client_id":"rolegate-cli"}', 'application/json; charset=utf-8')), { client_id: 'rolegate-cli' });
});

test('rejects repeated parameters, non-string JSON values, other content types and big bodies', async () => {
  await assert.rejects(readOAuthParams(form('client_id=rolegate-cli&client_id=evil')), code('OAUTH_INVALID_REQUEST'));
  await assert.rejects(readOAuthParams(form('{"client_id":["rolegate-cli"]}', 'application/json')), code('OAUTH_INVALID_REQUEST'));
  await assert.rejects(readOAuthParams(form('[1]', 'application/json')), code('OAUTH_INVALID_REQUEST'));
  await assert.rejects(readOAuthParams(form('{', 'application/json')), code('OAUTH_INVALID_REQUEST'));
  await assert.rejects(readOAuthParams(form('client_id=rolegate-cli', 'text/plain')), code('OAUTH_INVALID_REQUEST'));
  await assert.rejects(readOAuthParams(form(`x=${'a'.repeat(5_000)}`)), code('OAUTH_INVALID_REQUEST'));
});

test('only client_id rolegate-cli is a client; grant types must match exactly; parameters must be present', () => {
  assert.equal(requireCliClient({ client_id: 'rolegate-cli' }), 'rolegate-cli');
  assert.throws(() => requireCliClient({}), code('OAUTH_INVALID_CLIENT'));
  assert.throws(() => requireCliClient({ client_id: 'Rolegate-CLI' }), code('OAUTH_INVALID_CLIENT'));
  assert.doesNotThrow(() => requireGrantType({ grant_type: 'refresh_token' }, 'refresh_token'));
  assert.throws(() => requireGrantType({ grant_type: 'password' }, 'refresh_token'), code('OAUTH_UNSUPPORTED_GRANT_TYPE'));
  assert.throws(() => requireGrantType({}, 'refresh_token'), code('OAUTH_INVALID_REQUEST'));
  assert.throws(() => requireParam({ device_code: '' }, 'device_code'), code('OAUTH_INVALID_REQUEST'));
});

test('logout takes the bearer token or a refresh_token from the body, and nothing else', async () => {
  const { readLogoutToken } = await import('./params');
  const req = (headers: Record<string, string>, body = '') => new Request('http://rolegate.test/api/v1/logout', { method: 'POST', body, headers });
  assert.equal(await readLogoutToken(req({ authorization: 'Bearer abc' })), 'abc');
  assert.equal(await readLogoutToken(req({ 'content-type': 'application/x-www-form-urlencoded' }, 'refresh_token=xyz')), 'xyz');
  assert.equal(await readLogoutToken(req({ 'content-type': 'application/json' }, '{"refresh_token":"xyz"}')), 'xyz');
  await assert.rejects(readLogoutToken(req({ authorization: 'Basic abc' })), code('BAD_REQUEST'));
  await assert.rejects(readLogoutToken(req({ 'content-type': 'application/x-www-form-urlencoded' }, '')), code('BAD_REQUEST'));
  await assert.rejects(readLogoutToken(req({ 'content-type': 'application/x-www-form-urlencoded' }, 'refresh_token=a&refresh_token=b')), code('BAD_REQUEST'));
  await assert.rejects(readLogoutToken(req({ 'content-type': 'text/plain' }, 'refresh_token=a')), code('BAD_REQUEST'));
});
