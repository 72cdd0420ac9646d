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
    'OIDC_TOKEN_INVALID',
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
