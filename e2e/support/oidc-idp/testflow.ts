/**
 * Test fixture for the demo IdP: starts it on a random port with one client, and runs a complete sign-in
 * (authorize → login form → code → token endpoint → verified ID token) with fetch.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

import { startDemoIdp, type DemoIdp } from './server';
import {
  authorizeUrl, CookieJar, discover, exchangeCode, formAction, navigate, pkce, postForm,
  type AuthRequest, type Discovery, type Navigation,
} from './testkit';
import type { Flavour } from './users';

export const CLIENT = {
  clientId: 'rolegate-test',
  clientSecret: 'test-secret',
  redirectUri: 'http://localhost:3999/api/auth/callback/demo',
} as const;

export async function startTestIdp(): Promise<DemoIdp> {
  return startDemoIdp({
    port: 0,
    clients: [{ clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUris: [CLIENT.redirectUri] }],
  });
}

export interface Attempt {
  jar: CookieJar;
  discovery: Discovery;
  verifier: string;
  state: string;
  nonce: string;
  /** Where the authorization request landed: the login form, or straight back at the client. */
  nav: Navigation;
}

/** Starts an authorization request as a browser would. */
export async function startAuth(
  idp: DemoIdp, flavour: Flavour, extra: Partial<AuthRequest> = {}, jar = new CookieJar(),
): Promise<Attempt> {
  const discovery = await discover(idp.issuers[flavour]);
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const url = authorizeUrl(discovery.authorization_endpoint, {
    issuer: discovery.issuer, clientId: CLIENT.clientId, redirectUri: CLIENT.redirectUri,
    challenge, state, nonce, ...extra,
  });
  return { jar, discovery, verifier, state, nonce, nav: await navigate(jar, idp.url, url) };
}

/** Submits the login form shown by `attempt.nav`. */
export async function submitLogin(idp: DemoIdp, attempt: Attempt, login: string, password: string): Promise<Navigation> {
  assert.equal(attempt.nav.res.status, 200, 'expected the login form');
  const html = await attempt.nav.res.text();
  const action = new URL(formAction(html), attempt.nav.url).href;
  return navigate(attempt.jar, idp.url, action, postForm({ login, password }));
}

/** Returns the authorization code of a redirect back to the client, checking state and iss. */
export function codeFrom(attempt: Attempt, nav: Navigation): string {
  assert.ok(nav.leftTo, `expected a redirect to the client, got HTTP ${nav.res.status}`);
  assert.equal(`${nav.leftTo.origin}${nav.leftTo.pathname}`, CLIENT.redirectUri);
  assert.equal(nav.leftTo.searchParams.get('error'), null);
  assert.equal(nav.leftTo.searchParams.get('state'), attempt.state);
  assert.equal(nav.leftTo.searchParams.get('iss'), attempt.discovery.issuer);
  const code = nav.leftTo.searchParams.get('code');
  assert.ok(code);
  return code;
}

export interface SignedIn {
  attempt: Attempt;
  idToken: string;
  claims: JWTPayload;
}

/** Exchanges the code and verifies the ID token (signature via JWKS, issuer, audience, nonce). */
export async function redeem(attempt: Attempt, nav: Navigation): Promise<SignedIn> {
  const code = codeFrom(attempt, nav);
  const res = await exchangeCode(attempt.discovery, CLIENT, code, CLIENT.redirectUri, attempt.verifier);
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { id_token?: string; access_token?: string; token_type?: string; expires_in?: number };
  assert.ok(body.id_token && body.access_token);
  assert.ok(body.expires_in !== undefined && body.expires_in <= 300);
  const jwks = createRemoteJWKSet(new URL(attempt.discovery.jwks_uri));
  const { payload, protectedHeader } = await jwtVerify(body.id_token, jwks, {
    issuer: attempt.discovery.issuer,
    audience: CLIENT.clientId,
    algorithms: ['RS256'],
  });
  assert.equal(protectedHeader.alg, 'RS256');
  assert.equal(payload.nonce, attempt.nonce);
  assert.ok(payload.exp !== undefined && payload.iat !== undefined && payload.exp - payload.iat <= 300);
  return { attempt, idToken: body.id_token, claims: payload };
}

/** The whole happy path for one user. */
export async function signIn(idp: DemoIdp, flavour: Flavour, login: string, extra: Partial<AuthRequest> = {}): Promise<SignedIn> {
  const attempt = await startAuth(idp, flavour, extra);
  const nav = await submitLogin(idp, attempt, login, 'demo');
  return redeem(attempt, nav);
}
