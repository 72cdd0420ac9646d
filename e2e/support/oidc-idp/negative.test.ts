import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { serverForSuite } from '../suite-server';
import { CookieJar, exchangeCode, navigate, postForm } from './testkit';
import { CLIENT, codeFrom, redeem, startAuth, startTestIdp, submitLogin } from './testflow';

describe('demo IdP: refusals', () => {
  const idp = serverForSuite(startTestIdp);

  it('wrong password re-shows the form with an error and issues no code; the right one then works', async () => {
    const attempt = await startAuth(idp(), 'okta');
    const wrong = await submitLogin(idp(), attempt, 'alice@example.com', 'not-the-password');
    assert.equal(wrong.leftTo, undefined);
    assert.equal(wrong.res.status, 401);
    const html = await wrong.res.text();
    assert.ok(html.includes('data-testid="idp-error"'));
    assert.ok(html.includes('Invalid username or password.'));
    assert.ok(html.includes('value="alice@example.com"'), 'login is kept');
    assert.ok(!html.includes('not-the-password'), 'password is never echoed');
    const retry = await submitLogin(idp(), { ...attempt, nav: { ...wrong, res: new Response(html) } }, 'alice@example.com', 'demo');
    const { claims } = await redeem(attempt, retry);
    assert.deepEqual(claims.groups, ['aws-dev-admins', 'aws-readonly']);
  });

  it('an unknown user, or a user of another issuer, is refused like a wrong password', async () => {
    for (const login of ['mallory@example.com', 'gina@example.com']) {
      const attempt = await startAuth(idp(), 'okta');
      const nav = await submitLogin(idp(), attempt, login, 'demo');
      assert.equal(nav.res.status, 401);
      assert.equal(nav.leftTo, undefined);
    }
  });

  it('an unregistered redirect_uri is refused on the IdP, without redirecting', async () => {
    const { nav } = await startAuth(idp(), 'entra', { redirectUri: 'http://localhost:3999/evil' });
    assert.equal(nav.leftTo, undefined);
    assert.equal(nav.res.status, 400);
    assert.match(await nav.res.text(), /redirect_uri/);
  });

  it('an unknown client is refused', async () => {
    const { nav } = await startAuth(idp(), 'google', { clientId: 'nobody' });
    assert.equal(nav.leftTo, undefined);
    assert.equal(nav.res.status, 400);
  });

  it('a request without a PKCE code_challenge is refused (error back to the client, no code)', async () => {
    for (const flavour of ['okta', 'entra', 'google'] as const) {
      const { nav } = await startAuth(idp(), flavour, { challenge: null });
      assert.ok(nav.leftTo);
      assert.equal(nav.leftTo.searchParams.get('error'), 'invalid_request');
      assert.match(nav.leftTo.searchParams.get('error_description') ?? '', /PKCE/);
      assert.equal(nav.leftTo.searchParams.get('code'), null);
    }
  });

  it('the token endpoint refuses a wrong code_verifier, a replayed code and a wrong client secret', async () => {
    const attempt = await startAuth(idp(), 'okta');
    const code = codeFrom(attempt, await submitLogin(idp(), attempt, 'bob@example.com', 'demo'));
    const badSecret = await exchangeCode(attempt.discovery, { ...CLIENT, clientSecret: 'nope' }, code, CLIENT.redirectUri, attempt.verifier);
    assert.equal(badSecret.status, 401);
    assert.equal(((await badSecret.json()) as { error: string }).error, 'invalid_client');
    const badVerifier = await exchangeCode(attempt.discovery, CLIENT, code, CLIENT.redirectUri, 'x'.repeat(43));
    assert.equal(badVerifier.status, 400);
    assert.equal(((await badVerifier.json()) as { error: string }).error, 'invalid_grant');

    const fresh = await startAuth(idp(), 'okta');
    const freshCode = codeFrom(fresh, await submitLogin(idp(), fresh, 'bob@example.com', 'demo'));
    const ok = await exchangeCode(fresh.discovery, CLIENT, freshCode, CLIENT.redirectUri, fresh.verifier);
    assert.equal(ok.status, 200);
    const replay = await exchangeCode(fresh.discovery, CLIENT, freshCode, CLIENT.redirectUri, fresh.verifier);
    assert.equal(replay.status, 400);
    assert.equal(((await replay.json()) as { error: string }).error, 'invalid_grant');
  });

  it('posting to an interaction without its cookie shows an expired-session page', async () => {
    const attempt = await startAuth(idp(), 'google');
    const nav = await navigate(new CookieJar(), idp().url, `${attempt.nav.url}/login`, postForm({ login: 'gina@example.com', password: 'demo' }));
    assert.equal(nav.res.status, 400);
    assert.match(await nav.res.text(), /Sign-in session not found or expired/);
  });
});
