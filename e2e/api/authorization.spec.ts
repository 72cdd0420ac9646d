import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInToRoles } from '../fixtures/signin';

test('posting the id of a role the user does not hold gets 403 POLICY_NO_ROLE', async ({ page }) => {
  await signInToRoles(page, 'okta', 'bob@example.com');
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/aws/credentials', { data: { roleId: '111122223333/Admin' }, headers: { Origin: origin } });
  expect(res.status()).toBe(403);
  expect(res.headers()['cache-control']).toContain('no-store');
  expect((await res.json()).error.code).toBe('POLICY_NO_ROLE');
  const unknown = await page.request.post('/api/aws/credentials', { data: { roleId: '999999999999/Nope' }, headers: { Origin: origin } });
  expect(unknown.status()).toBe(403);
});

test('cross-site requests are refused even with a valid session', async ({ page }) => {
  await signInToRoles(page, 'okta', 'bob@example.com');
  const noOrigin = await page.request.post('/api/aws/credentials', { data: { roleId: '444455556666/Operator' } });
  expect(noOrigin.status()).toBe(403);
  expect((await noOrigin.json()).error.code).toBe('CSRF_REJECTED');
  const evil = await page.request.post('/api/aws/credentials', { data: { roleId: '444455556666/Operator' }, headers: { Origin: 'https://evil.example' } });
  expect((await evil.json()).error.code).toBe('CSRF_REJECTED');
});

test('bad input gets a typed 400, not a 500', async ({ page }) => {
  await signInToRoles(page, 'okta', 'bob@example.com');
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/aws/credentials', { data: '{not json', headers: { Origin: origin, 'content-type': 'application/json' } });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.code).toBe('BAD_REQUEST');
  const missing = await page.request.post('/api/aws/credentials', { data: {}, headers: { Origin: origin } });
  expect((await missing.json()).error.code).toBe('BAD_REQUEST');
});

test('without a session the API answers 401 and pages redirect to sign-in', async ({ request, page }) => {
  const res = await request.post('/api/aws/credentials', { data: { roleId: '444455556666/Operator' } });
  expect(res.status()).toBe(401);
  await page.goto('/roles');
  await expect(page).toHaveURL(/\/signin$/);
});

test('issuer discovery, JWKS, liveness and readiness are public and well-formed', async ({ request, baseURL }) => {
  const disc = await (await request.get('/.well-known/openid-configuration')).json();
  expect(disc.issuer).toBe(baseURL);
  expect(disc.jwks_uri).toBe(`${baseURL}/.well-known/jwks.json`);
  const jwks = await (await request.get('/.well-known/jwks.json')).json();
  expect(jwks.keys.length).toBeGreaterThanOrEqual(2);
  for (const k of jwks.keys) {
    expect(k).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(k.d).toBeUndefined();
  }
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect((await health.json()).status).toBe('ok');
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(ready.headers()['cache-control']).toBe('no-store');
  expect(await ready.json()).toMatchObject({ status: 'ready', revision: expect.any(Number) });
});

test('a wrong password at the IdP does not sign in', async ({ page }) => {
  await page.goto('/signin');
  await page.getByTestId('signin-okta').click();
  await page.getByTestId('idp-login').fill('alice@example.com');
  await page.getByTestId('idp-password').fill('wrong');
  await page.getByTestId('idp-submit').click();
  await expect(page.getByText(/invalid|incorrect|wrong/i).first()).toBeVisible();
  await page.goto('/roles');
  await expect(page).toHaveURL(/\/signin$/);
});
