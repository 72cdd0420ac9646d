import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../errors';
import { OAuthError, oauthErrorView } from './oauth-error';

test('OAuth codes become RFC 6749/8628 bodies with 400, invalid_client 401', () => {
  const cases = [
    ['OAUTH_AUTHORIZATION_PENDING', 'authorization_pending', 400],
    ['OAUTH_ACCESS_DENIED', 'access_denied', 400],
    ['OAUTH_EXPIRED_TOKEN', 'expired_token', 400],
    ['OAUTH_INVALID_GRANT', 'invalid_grant', 400],
    ['OAUTH_INVALID_REQUEST', 'invalid_request', 400],
    ['OAUTH_UNSUPPORTED_GRANT_TYPE', 'unsupported_grant_type', 400],
    ['OAUTH_INVALID_CLIENT', 'invalid_client', 401],
  ] as const;
  for (const [code, error, status] of cases) {
    const view = oauthErrorView(new OAuthError(code, 'internal detail for the log'));
    assert.equal(view.status, status, code);
    assert.equal(view.body.error, error);
    assert.ok(!view.body.error_description.includes('internal detail'), 'the internal message never leaves');
  }
});

test('slow_down carries the new interval; a rate limit is slow_down with 429', () => {
  assert.deepEqual(oauthErrorView(new OAuthError('OAUTH_SLOW_DOWN', 'too fast', { interval: 10 })).body.interval, 10);
  const limited = oauthErrorView(new GatewayError('RATE_LIMITED'));
  assert.equal(limited.status, 429);
  assert.equal(limited.body.error, 'slow_down');
});

test('a bad body is invalid_request; anything else is server_error without detail', () => {
  assert.equal(oauthErrorView(new GatewayError('BAD_REQUEST', 'x', { publicDetail: 'body is not a form' })).body.error, 'invalid_request');
  const internal = oauthErrorView(new Error('stack and secrets'));
  assert.deepEqual(internal, { status: 500, body: { error: 'server_error', error_description: 'Something went wrong.' } });
  assert.equal(oauthErrorView(new GatewayError('CRYPTO_DECRYPT_FAILED')).body.error, 'server_error');
  assert.equal(oauthErrorView(new GatewayError('DB_UNAVAILABLE')).status, 503);
});
