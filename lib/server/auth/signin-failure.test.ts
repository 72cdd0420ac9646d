/** Issue 13 §4: how a refused OIDC sign-in is recognised and named. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../../core/config/parse';
import { EXAMPLE_CONFIG_YAML } from '../../core/config/fixtures';
import { authPath, idpRefusal, nextAuthErrorOf, refusalCode } from './signin-failure';

const config = parseConfigText(EXAMPLE_CONFIG_YAML);

test('issue 13 §4: the action and IdP id of an /api/auth path, a malformed escape kept as it is', () => {
  assert.deepEqual(authPath('/api/auth/callback/okta'), { action: 'callback', providerId: 'okta' });
  assert.deepEqual(authPath('/api/auth/signin/ok%74a'), { action: 'signin', providerId: 'okta' });
  assert.deepEqual(authPath('/api/auth/signin/%E0%A4%A'), {
    action: 'signin',
    providerId: '%E0%A4%A',
  });
  assert.deepEqual(authPath('/api/auth/session'), { action: 'session', providerId: undefined });
  assert.deepEqual(authPath('/api/auth'), { action: undefined, providerId: undefined });
});

test('issue 13 §4: only sign-in starts and callbacks naming a configured, enabled IdP reach next-auth', () => {
  assert.equal(idpRefusal(config, 'callback', 'okta'), undefined);
  assert.equal(idpRefusal(config, 'signin', undefined), undefined, 'the picker itself');
  assert.equal(idpRefusal(config, 'session', 'nope'), undefined, 'other actions are next-auth’s');
  assert.equal(idpRefusal(config, 'signin', 'nope'), 'OIDC_IDP_UNKNOWN');
  assert.equal(
    idpRefusal(config, 'callback', 'adfs'),
    'OIDC_IDP_UNKNOWN',
    'a SAML connection is no OIDC IdP',
  );
});

test("issue 13 §4: next-auth's error route (and its sign-in page with an error) is a refusal; anything else is not", () => {
  const base = 'http://localhost:3300';
  assert.equal(
    nextAuthErrorOf(`${base}/api/auth/error?error=OAuthCallback`, base),
    'OAuthCallback',
  );
  assert.equal(nextAuthErrorOf('/api/auth/error', base), 'Default');
  assert.equal(nextAuthErrorOf(`${base}/api/auth/signin?error=OAuthSignin`, base), 'OAuthSignin');
  assert.equal(nextAuthErrorOf(`${base}/api/auth/signin?csrf=true`, base), undefined);
  assert.equal(nextAuthErrorOf('/signin?callbackUrl=%2Froles&error=okta', base), undefined);
  assert.equal(nextAuthErrorOf('/error?error=OIDC_GROUPS_OVERAGE', base), undefined);
  assert.equal(nextAuthErrorOf('http://[bad', base), undefined);
});

test('issue 13 §4: each refusal gets its own code', () => {
  const e = (name: string, message: string) => [{ event: 'OAUTH_CALLBACK_ERROR', name, message }];
  assert.equal(
    refusalCode({ nextAuthError: 'OAuthCallback', idpError: true, errors: [] }),
    'OIDC_IDP_ERROR',
  );
  assert.equal(
    refusalCode({
      nextAuthError: 'OAuthCallback',
      idpError: false,
      errors: e('OAuthCallbackError', 'checks.state argument is missing'),
    }),
    'OIDC_STATE_INVALID',
  );
  assert.equal(
    refusalCode({
      nextAuthError: 'OAuthCallback',
      idpError: false,
      errors: e('TypeError', 'State cookie was missing.'),
    }),
    'OIDC_TOKEN_INVALID',
    'only next-auth’s callback error counts',
  );
  assert.equal(
    refusalCode({
      nextAuthError: 'OAuthCallback',
      idpError: false,
      errors: e('OAuthCallbackError', 'JWT expired, now 2, exp 1'),
    }),
    'OIDC_TOKEN_EXPIRED',
    'issue 14 §5: a clock off is named as such',
  );
  assert.equal(refusalCode({ nextAuthError: 'Callback', idpError: false, errors: [] }), 'INTERNAL');
  assert.equal(
    refusalCode({
      nextAuthError: 'Callback',
      idpError: false,
      errors: [{ event: 'X' }, { event: 'Y', gatewayCode: 'OIDC_CLAIMS_INVALID' }],
    }),
    'OIDC_CLAIMS_INVALID',
  );
  assert.equal(
    refusalCode({ nextAuthError: 'AccessDenied', idpError: false, errors: [] }),
    'FORBIDDEN',
  );
  assert.equal(refusalCode({ nextAuthError: 'Default', idpError: false, errors: [] }), 'INTERNAL');
});

test('issue 14 §5: an IdP out of reach during the callback is OIDC_IDP_UNAVAILABLE; a clock off has its own codes; other refusals stay OIDC_TOKEN_INVALID', () => {
  const callback = (message: string, name = 'OAuthCallbackError') =>
    refusalCode({ nextAuthError: 'OAuthCallback', idpError: false, errors: [{ event: 'OAUTH_CALLBACK_ERROR', name, message }] });
  for (const message of [
    'connect ECONNREFUSED 127.0.0.1:38877',
    'getaddrinfo ENOTFOUND idp.example.invalid',
    'getaddrinfo EAI_AGAIN idp.example.com',
    'read ECONNRESET',
    'socket hang up',
    'outgoing request timed out after 3500ms',
    'expected 200 OK, got: 503 Service Unavailable',
    'expected 200 OK, got: 502 Bad Gateway',
  ]) {
    assert.equal(callback(message), 'OIDC_IDP_UNAVAILABLE', message);
  }
  assert.equal(callback('JWT not active yet, now 1700000000, nbf 1700000600'), 'OIDC_TOKEN_NOT_YET_VALID');
  for (const message of [
    'expected 200 OK, got: 404 Not Found',
    'invalid_grant (grant request is invalid)',
    'unexpected iss value, expected https://a, got: https://b',
    'failed to validate JWT signature',
    'the JWT expired check is ours',
  ]) {
    assert.equal(callback(message), 'OIDC_TOKEN_INVALID', message);
  }
  assert.equal(callback('connect ECONNREFUSED 127.0.0.1:1', 'TypeError'), 'OIDC_TOKEN_INVALID', 'only next-auth’s callback error counts');
  assert.equal(callback('State cookie was missing.'), 'OIDC_STATE_INVALID', 'state first');
});
