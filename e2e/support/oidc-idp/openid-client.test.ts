/** The demo IdP as seen by a real RP library (openid-client 6): discovery of path issuers, code + PKCE, logout URL. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as oidc from 'openid-client';

import { serverForSuite } from '../suite-server';
import type { DemoIdp } from './server';
import { CookieJar, formAction, navigate, postForm } from './testkit';
import { CLIENT, startTestIdp } from './testflow';
import type { Flavour } from './users';

async function clientSignIn(idp: DemoIdp, flavour: Flavour, login: string): Promise<{ config: oidc.Configuration; claims: oidc.IDToken; idToken: string }> {
  const config = await oidc.discovery(new URL(idp.issuers[flavour]), CLIENT.clientId, undefined,
    oidc.ClientSecretBasic(CLIENT.clientSecret), { execute: [oidc.allowInsecureRequests] });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CLIENT.redirectUri, scope: 'openid email profile groups', state, nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  const jar = new CookieJar();
  const form = await navigate(jar, idp.url, url.href);
  const action = new URL(formAction(await form.res.text()), form.url).href;
  const back = await navigate(jar, idp.url, action, postForm({ login, password: 'demo' }));
  assert.ok(back.leftTo);
  const tokens = await oidc.authorizationCodeGrant(config, back.leftTo, {
    pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true,
  });
  const claims = tokens.claims();
  assert.ok(claims && tokens.id_token);
  return { config, claims, idToken: tokens.id_token };
}

describe('demo IdP with openid-client', () => {
  const idp = serverForSuite(startTestIdp);

  it('signs in at every issuer and builds an end-session URL', async () => {
    const okta = await clientSignIn(idp(), 'okta', 'alice@example.com');
    assert.deepEqual(okta.claims.groups, ['aws-dev-admins', 'aws-readonly']);
    assert.equal(okta.claims.iss, idp().issuers.okta);
    const entra = await clientSignIn(idp(), 'entra', 'erin@contoso.example');
    assert.deepEqual(entra.claims._claim_names, { groups: 'src1' });
    const google = await clientSignIn(idp(), 'google', 'oscar@other.example');
    assert.equal(google.claims.hd, 'other.example');

    const logout = oidc.buildEndSessionUrl(google.config, {
      id_token_hint: google.idToken, post_logout_redirect_uri: 'http://localhost:3999/',
    });
    assert.equal(`${logout.origin}${logout.pathname}`, `${idp().issuers.google}/session/end`);
  });
});
