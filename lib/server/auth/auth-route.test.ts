/**
 * Issue 13 §4: every refused OIDC sign-in ends on Rolegate's error page with its own code and is counted
 * in the ledger. The next-auth side is imitated by the responses and log calls next-auth 4.24 makes
 * (core/routes/callback.js, core/lib/oauth/callback.js); the e2e spec oidc-signin-failures drives the real one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { parseConfigText } from '../../core/config/parse';
import { EXAMPLE_CONFIG_YAML } from '../../core/config/fixtures';
import { GatewayError, type GatewayErrorCode } from '../../core/errors';
import { handleAuthRequest, type AuthRouteDeps } from './auth-route';
import { nextAuthLogger } from './next-auth-logger';

const config = parseConfigText(
  EXAMPLE_CONFIG_YAML.replace(
    'idps:\n',
    'idps:\n  - { id: old, preset: generic, name: Old, issuer: https://old.example, clientId: c1, disabled: true }\n',
  ),
);
const BASE = 'http://localhost:3300';
const logger = nextAuthLogger(() => pino({ level: 'silent' }));

class OAuthCallbackError extends Error {
  override name = 'OAuthCallbackError';
}

function deps(): AuthRouteDeps & { failures: [GatewayErrorCode, string][] } {
  const failures: [GatewayErrorCode, string][] = [];
  return {
    config,
    failures,
    signinFailed: async (code, idpId) => void failures.push([code, idpId]),
  };
}

/** next-auth's answer: a 302 to `location` that also clears its check cookies. */
const nextAuthRedirect = (location: string) => {
  const headers = new Headers({ Location: location });
  headers.append('Set-Cookie', 'next-auth.state=; Path=/; Max-Age=0');
  headers.append('Set-Cookie', 'next-auth.pkce.code_verifier=; Path=/; Max-Age=0');
  return new Response(null, { status: 302, headers });
};

const notCalled = async (): Promise<Response> => assert.fail('next-auth must not run');

test('issue 13 §4: an unknown IdP id in signin/<id> or callback/<id> is OIDC_IDP_UNKNOWN on the error page, counted without the id', async () => {
  const d = deps();
  for (const path of ['/api/auth/callback/nope?code=x&state=y', '/api/auth/signin/nope']) {
    const res = await handleAuthRequest(d, new Request(`${BASE}${path}`), notCalled);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('Location'), '/error?error=OIDC_IDP_UNKNOWN');
  }
  // next-auth's client posts `json=true` and follows the `url` it gets back.
  const post = new Request(`${BASE}/api/auth/signin/nope`, {
    method: 'POST',
    body: new URLSearchParams({ csrfToken: 't', json: 'true' }),
  });
  const res = await handleAuthRequest(d, post, notCalled);
  assert.deepEqual(await res.json(), { url: '/error?error=OIDC_IDP_UNKNOWN' });
  assert.deepEqual(d.failures, [
    ['OIDC_IDP_UNKNOWN', ''],
    ['OIDC_IDP_UNKNOWN', ''],
    ['OIDC_IDP_UNKNOWN', ''],
  ]);
});

test('issue 13 §4: a disabled IdP id is CONNECTION_DISABLED, counted under that IdP', async () => {
  const d = deps();
  const res = await handleAuthRequest(
    d,
    new Request(`${BASE}/api/auth/callback/old?code=x`),
    notCalled,
  );
  assert.equal(res.headers.get('Location'), '/error?error=CONNECTION_DISABLED');
  assert.deepEqual(d.failures, [['CONNECTION_DISABLED', 'old']]);
});

test("issue 13 §4: the IdP's error= on the callback is OIDC_IDP_ERROR, next-auth's cookies kept", async () => {
  const d = deps();
  const req = new Request(
    `${BASE}/api/auth/callback/okta?error=access_denied&error_description=User+not+assigned&state=s`,
  );
  const res = await handleAuthRequest(d, req, async () => {
    logger.error('OAUTH_CALLBACK_HANDLER_ERROR', {
      error: new Error('access_denied'),
      error_description: 'User not assigned',
      providerId: 'okta',
    });
    logger.error('OAUTH_CALLBACK_ERROR', new Error('access_denied'));
    return nextAuthRedirect(`${BASE}/api/auth/error?error=Callback`);
  });
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('Location'), `${BASE}/error?error=OIDC_IDP_ERROR`);
  assert.equal(res.headers.getSetCookie().length, 2);
  assert.deepEqual(d.failures, [['OIDC_IDP_ERROR', 'okta']]);
});

test("issue 13 §4: the IdP's error= in a form_post callback body is OIDC_IDP_ERROR too; a body without it is not", async () => {
  const post = (body: string, type = 'application/x-www-form-urlencoded') =>
    new Request(`${BASE}/api/auth/callback/okta`, { method: 'POST', body, headers: { 'Content-Type': type } });
  const d = deps();
  const res = await handleAuthRequest(d, post('error=access_denied&state=s'), async () =>
    nextAuthRedirect(`${BASE}/api/auth/error?error=OAuthCallback`),
  );
  assert.equal(res.headers.get('Location'), `${BASE}/error?error=OIDC_IDP_ERROR`);
  // next-auth still reads the body it was given.
  const seen: string[] = [];
  const req = post('code=c&state=s');
  await handleAuthRequest(d, req, async () => {
    seen.push(await req.text());
    return nextAuthRedirect(`${BASE}/api/auth/error?error=OAuthCallback`);
  });
  assert.deepEqual(seen, ['code=c&state=s']);
  await handleAuthRequest(d, post('{"error":"x"}', 'application/json'), async () =>
    nextAuthRedirect(`${BASE}/api/auth/error?error=OAuthCallback`),
  );
  assert.deepEqual(d.failures, [['OIDC_IDP_ERROR', 'okta'], ['OIDC_TOKEN_INVALID', 'okta'], ['OIDC_TOKEN_INVALID', 'okta']]);
});

/** next-auth's callback fails with `message` (as openid-client words it): Rolegate names it `code`. */
async function assertCallbackRefusal(message: string, code: string): Promise<void> {
  const d = deps();
  const res = await handleAuthRequest(d, new Request(`${BASE}/api/auth/callback/okta?code=c&state=s`), async () => {
    logger.error('OAUTH_CALLBACK_ERROR', { error: new OAuthCallbackError(message), providerId: 'okta' });
    return nextAuthRedirect(`${BASE}/api/auth/error?error=OAuthCallback`);
  });
  assert.equal(res.headers.get('Location'), `${BASE}/error?error=${code}`, message);
  assert.deepEqual(d.failures, [[code, 'okta']]);
}

test('issue 13 §4: a missing state cookie or a state mismatch is OIDC_STATE_INVALID', async () => {
  for (const message of [
    'State cookie was missing.',
    'state mismatch, expected Zm9vYmFyYmF6cXV4cXV1eA, got: b3RoZXJvdGhlcm90aGVy',
    'PKCE code_verifier cookie was missing.',
  ]) {
    await assertCallbackRefusal(message, 'OIDC_STATE_INVALID');
  }
});

test('issue 13 §4: a token openid-client rejects (or a refused code exchange) is OIDC_TOKEN_INVALID', async () => {
  for (const message of [
    'unexpected iss value, expected https://example.okta.com, got: https://evil.example',
    'invalid_grant (grant request is invalid)',
    'nonce mismatch, expected undefined, got: x',
  ]) {
    await assertCallbackRefusal(message, 'OIDC_TOKEN_INVALID');
  }
});

test("issue 13 §4: a callback of Rolegate's that throws shows its own code; an IdP that cannot be reached to start is OIDC_IDP_UNAVAILABLE", async () => {
  const d = deps();
  const failed = await handleAuthRequest(
    d,
    new Request(`${BASE}/api/auth/callback/okta?code=c&state=s`),
    async () => {
      logger.error('OAUTH_CALLBACK_HANDLER_ERROR', new GatewayError('DB_UNAVAILABLE', 'db down'));
      return nextAuthRedirect(`${BASE}/api/auth/error?error=Callback`);
    },
  );
  assert.equal(failed.headers.get('Location'), `${BASE}/error?error=DB_UNAVAILABLE`);
  const post = new Request(`${BASE}/api/auth/signin/okta`, {
    method: 'POST',
    body: new URLSearchParams({ csrfToken: 't', json: 'true' }),
  });
  const start = await handleAuthRequest(d, post, async () => {
    logger.error('SIGNIN_OAUTH_ERROR', { error: new Error('fetch failed'), providerId: 'okta' });
    return Response.json({ url: `${BASE}/api/auth/error?error=OAuthSignin` });
  });
  assert.deepEqual(await start.json(), { url: `${BASE}/error?error=OIDC_IDP_UNAVAILABLE` });
  assert.deepEqual(d.failures, [
    ['DB_UNAVAILABLE', 'okta'],
    ['OIDC_IDP_UNAVAILABLE', 'okta'],
  ]);
});

test('issue 13 §4: successes, claim-check refusals (audited by the signIn callback) and other actions pass through uncounted', async () => {
  const d = deps();
  const cases: [string, string][] = [
    ['/api/auth/callback/okta?code=c&state=s', `${BASE}/roles`],
    ['/api/auth/callback/okta?code=c&state=s', '/error?error=OIDC_GROUPS_OVERAGE'],
    ['/api/auth/signin/okta', `/signin?callbackUrl=%2Froles&error=okta`],
    ['/api/auth/signout', `${BASE}/api/auth/error?error=Default`],
  ];
  for (const [path, location] of cases) {
    const res = await handleAuthRequest(d, new Request(`${BASE}${path}`), async () =>
      nextAuthRedirect(location),
    );
    assert.equal(res.headers.get('Location'), location, path);
  }
  const session = await handleAuthRequest(d, new Request(`${BASE}/api/auth/session`), async () =>
    Response.json({}),
  );
  assert.deepEqual(await session.json(), {});
  assert.deepEqual(d.failures, []);
});

test('issue 13 §4: concurrent sign-ins each see only the errors next-auth logged for them', async () => {
  const d = deps();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const slow = handleAuthRequest(
    d,
    new Request(`${BASE}/api/auth/callback/okta?code=c&state=s`),
    async () => {
      await gate;
      logger.error('OAUTH_CALLBACK_ERROR', {
        error: new OAuthCallbackError('unexpected iss value'),
        providerId: 'okta',
      });
      return nextAuthRedirect(`${BASE}/api/auth/error?error=OAuthCallback`);
    },
  );
  const fast = handleAuthRequest(
    d,
    new Request(`${BASE}/api/auth/callback/google?code=c&state=s`),
    async () => {
      logger.error('OAUTH_CALLBACK_ERROR', {
        error: new OAuthCallbackError('State cookie was missing.'),
        providerId: 'google',
      });
      release();
      await new Promise((r) => setTimeout(r, 5));
      return nextAuthRedirect(`${BASE}/api/auth/error?error=OAuthCallback`);
    },
  );
  const [a, b] = await Promise.all([slow, fast]);
  assert.equal(a.headers.get('Location'), `${BASE}/error?error=OIDC_TOKEN_INVALID`);
  assert.equal(b.headers.get('Location'), `${BASE}/error?error=OIDC_STATE_INVALID`);
});
