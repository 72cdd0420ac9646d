import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { serverForSuite } from '../suite-server';
import { autoSubmit, navigate } from './testkit';
import { redeem, signIn, startAuth, startTestIdp, submitLogin } from './testflow';
import { findUserByLogin } from './users';

describe('demo IdP: sessions, prompt=login and RP-initiated logout', () => {
  const idp = serverForSuite(startTestIdp);

  it('keeps an IdP session (SSO) but prompt=login always shows the form, and can switch user', async () => {
    const first = await signIn(idp(), 'okta', 'alice@example.com');
    const jar = first.attempt.jar;

    const sso = await startAuth(idp(), 'okta', {}, jar);
    assert.ok(sso.nav.leftTo, 'no form while the IdP session lasts');
    assert.equal((await redeem(sso, sso.nav)).claims.sub, first.claims.sub);

    const again = await startAuth(idp(), 'okta', { prompt: 'login' }, jar);
    assert.equal(again.nav.res.status, 200);
    assert.match(await again.nav.res.clone().text(), /data-testid="idp-login"/);
    let nav = await submitLogin(idp(), again, 'bob@example.com', 'demo');
    // Switching account: oidc-provider ends alice's session with a self-submitting form first.
    if (!nav.leftTo) nav = await autoSubmit(jar, idp().url, nav);
    const bob = await redeem(again, nav);
    assert.equal(bob.claims.sub, findUserByLogin('okta', 'bob@example.com')?.sub);
  });

  it('sessions are per issuer', async () => {
    const okta = await signIn(idp(), 'okta', 'alice@example.com');
    const entra = await startAuth(idp(), 'entra', {}, okta.attempt.jar);
    assert.equal(entra.nav.res.status, 200, 'Entra shows its own login form');
  });

  it('end_session with id_token_hint signs out (auto-confirmed) and returns to post_logout_redirect_uri', async () => {
    const { attempt, idToken } = await signIn(idp(), 'entra', 'dana@contoso.example');
    const { jar, discovery } = attempt;
    const url = new URL(discovery.end_session_endpoint);
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('post_logout_redirect_uri', 'http://localhost:3999/');
    url.searchParams.set('state', 'bye');
    const page = await navigate(jar, idp().url, url.href);
    assert.equal(page.res.status, 200);
    const html = await page.res.clone().text();
    assert.match(html, /<title>Sign out · Entra ID \(demo\)<\/title>/);
    assert.match(html, /name="logout" value="yes"/);
    assert.match(html, /\.submit\(\)/);

    const done = await autoSubmit(jar, idp().url, page);
    assert.equal(done.leftTo?.href, 'http://localhost:3999/?state=bye');

    const after = await startAuth(idp(), 'entra', {}, jar);
    assert.equal(after.nav.res.status, 200, 'the login form is shown again');
  });

  it('end_session without a client shows the signed-out page; a foreign post_logout_redirect_uri is refused', async () => {
    const { attempt, idToken } = await signIn(idp(), 'google', 'gina@example.com');
    const page = await navigate(attempt.jar, idp().url, attempt.discovery.end_session_endpoint);
    const done = await autoSubmit(attempt.jar, idp().url, page);
    assert.equal(done.res.status, 200);
    assert.match(await done.res.text(), /data-testid="idp-signed-out"/);

    const url = new URL(attempt.discovery.end_session_endpoint);
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('post_logout_redirect_uri', 'http://evil.example/');
    const refused = await navigate(attempt.jar, idp().url, url.href);
    assert.equal(refused.res.status, 400);
  });
});
