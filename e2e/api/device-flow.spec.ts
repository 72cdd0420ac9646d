import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { callerIdentityArn } from '../support/aws-client';
import { signInToRoles } from '../fixtures/signin';
import { backdatedDeviceCode, bearer, CLI_UA, cliLogin, pollToken, refresh, requestDeviceCode, signInAtDevicePage, type DeviceCode, type Tokens } from '../fixtures/device';

const AWS_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

test('device flow: pending, slow_down, approval in Chromium, tokens once, roles and working keys', async ({ page, request, baseURL }) => {
  const code = await requestDeviceCode(request);
  expect(code.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
  expect(code.verification_uri).toBe(`${baseURL}/device`);
  expect(code.verification_uri_complete).toBe(`${baseURL}/device?user_code=${code.user_code}`);
  expect([code.expires_in, code.interval]).toEqual([600, 5]);
  expect((await (await pollToken(request, code.device_code)).json()).error).toBe('authorization_pending');
  const fast = await pollToken(request, code.device_code);
  expect(fast.status()).toBe(400);
  expect(await fast.json()).toMatchObject({ error: 'slow_down', interval: 10 });

  await signInAtDevicePage(page, code, 'alice@example.com');
  await expect(page.getByTestId('device-user-agent')).toHaveText(CLI_UA);
  await expect(page.getByTestId('device-user-agent-label')).toHaveText('(reported by the client, not verified)');
  await expect(page.getByTestId('device-ip')).not.toBeEmpty();
  await expect(page.getByTestId('device-requested')).toContainText(/Requested \d+ seconds? ago from/);
  await page.getByTestId('device-approve').click();
  await expect(page.getByTestId('device-result')).toContainText('Approved');

  const res = await pollToken(request, code.device_code);
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  const tokens = (await res.json()) as Tokens;
  expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 900, refresh_expires_in: 43_200 });
  expect((await (await pollToken(request, code.device_code)).json()).error).toBe('invalid_grant');

  const roles = await (await request.get('/api/v1/roles', { headers: bearer(tokens.access_token) })).json();
  expect(roles.roles.map((r: { profile: string }) => r.profile).sort()).toEqual(['dev-Admin', 'dev-Developer', 'dev-ReadOnly', 'prod-ReadOnly']);
  const who = await (await request.get('/api/v1/whoami', { headers: bearer(tokens.access_token) })).json();
  expect(who).toMatchObject({ user: { email: 'alice@example.com' }, idp: { id: 'okta' }, via: 'cli' });

  const keys = await request.post('/api/v1/credentials', { data: { roleId: 'dev/Admin' }, headers: bearer(tokens.access_token) });
  expect(keys.status()).toBe(200);
  expect(keys.headers()['cache-control']).toContain('no-store');
  const body = await keys.json();
  expect(body.role).toMatchObject({ id: '111122223333/Admin', profile: 'dev-Admin' });
  expect(await callerIdentityArn(AWS_URL, body.credentials)).toBe('arn:aws:sts::111122223333:assumed-role/Admin/okta=alice@example.com');
  const byArn = await request.post('/api/v1/credentials', { data: { roleId: 'arn:aws:iam::444455556666:role/ReadOnly' }, headers: bearer(tokens.access_token) });
  expect(await callerIdentityArn(AWS_URL, (await byArn.json()).credentials)).toBe('arn:aws:sts::444455556666:assumed-role/ReadOnly/okta=alice@example.com');
});

test('refresh rotates; reusing the old refresh token is invalid_grant and revokes the new tokens too', async ({ page, request }) => {
  const first = await cliLogin(page, request, 'alice@example.com');
  const rotated = await refresh(request, first.refresh_token);
  expect(rotated.status()).toBe(200);
  expect(rotated.headers()['cache-control']).toContain('no-store');
  const second = (await rotated.json()) as Tokens;
  expect(second.refresh_token).not.toBe(first.refresh_token);
  expect((await request.get('/api/v1/whoami', { headers: bearer(second.access_token) })).status()).toBe(200);

  const reuse = await refresh(request, first.refresh_token);
  expect(reuse.status()).toBe(400);
  expect((await reuse.json()).error).toBe('invalid_grant');
  expect((await (await refresh(request, second.refresh_token)).json()).error).toBe('invalid_grant');
  const dead = await request.get('/api/v1/whoami', { headers: bearer(second.access_token) });
  expect(dead.status()).toBe(401);
  expect((await dead.json()).error.code).toBe('TOKEN_INVALID');
  expect(dead.headers()['www-authenticate']).toContain('error="invalid_token"');
});

test('a denied code gets access_denied; a code typed by hand is found case-insensitively', async ({ page, request }) => {
  const code = await requestDeviceCode(request);
  await signInToRoles(page, 'okta', 'bob@example.com');
  await page.goto('/device');
  await page.getByTestId('device-user-code').fill(code.user_code.toLowerCase());
  await page.getByTestId('device-lookup').click();
  await page.getByTestId('device-deny').click();
  await expect(page.getByTestId('device-result')).toContainText('Denied');
  const res = await pollToken(request, code.device_code);
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toBe('access_denied');
  await page.goto(`/device?user_code=${code.user_code}`);
  await expect(page.getByTestId('device-result')).toContainText('unknown, has expired or was already used');
});

test('an expired code gets expired_token and cannot be approved', async ({ page, request, baseURL }) => {
  const code = backdatedDeviceCode(baseURL ?? '', 11);
  const res = await pollToken(request, code.device_code);
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toBe('expired_token');
  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.goto(`/device?user_code=${code.user_code}`);
  await expect(page.getByTestId('device-result')).toContainText('has expired');
  await expect(page.getByTestId('device-approve')).toHaveCount(0);
});

test('the JSON API: deny by default for bearers, 401 without credentials, CSRF for cookies, logout', async ({ page, request }) => {
  const tokens = await cliLogin(page, request, 'alice@example.com');
  const foreign = await request.post('/api/v1/credentials', { data: { roleId: '444455556666/Operator' }, headers: bearer(tokens.access_token) });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe('POLICY_NO_ROLE');

  const none = await request.get('/api/v1/roles');
  expect(none.status()).toBe(401);
  expect((await none.json()).error.code).toBe('UNAUTHENTICATED');
  expect(none.headers()['www-authenticate']).toBe('Bearer realm="rolegate"');
  expect((await request.get('/api/v1/roles', { headers: bearer('x'.repeat(43)) })).status()).toBe(401);

  const origin = new URL(page.url()).origin;
  const noOrigin = await page.request.post('/api/v1/credentials', { data: { roleId: 'dev/Admin' } });
  expect(noOrigin.status()).toBe(403);
  expect((await noOrigin.json()).error.code).toBe('CSRF_REJECTED');
  const web = await page.request.get('/api/v1/whoami', { headers: { Origin: origin } });
  expect((await web.json()).via).toBe('web');
  expect((await page.request.post('/api/v1/console', { data: { roleId: 'dev/Admin' }, headers: { Origin: origin } })).status()).toBe(403);

  const consoleUrl = await request.post('/api/v1/console', { data: { roleId: 'dev/Admin', service: 's3', region: 'eu-central-1' }, headers: bearer(tokens.access_token) });
  expect(consoleUrl.status()).toBe(200);
  expect(consoleUrl.headers()['cache-control']).toContain('no-store');
  expect((await consoleUrl.json()).url).toContain(`${AWS_URL}/federation`);

  const logout = await request.post('/api/v1/logout', { headers: bearer(tokens.access_token) });
  expect(logout.status()).toBe(204);
  expect((await request.get('/api/v1/whoami', { headers: bearer(tokens.access_token) })).status()).toBe(401);
  expect((await (await refresh(request, tokens.refresh_token)).json()).error).toBe('invalid_grant');
});

test('OAuth endpoints refuse other clients, grant types and repeated parameters with RFC error bodies', async ({ request }) => {
  const other = await request.post('/api/v1/device/code', { form: { client_id: 'someone-else' } });
  expect(other.status()).toBe(401);
  expect((await other.json()).error).toBe('invalid_client');
  const grant = await request.post('/api/v1/token', { form: { grant_type: 'password', client_id: 'rolegate-cli' } });
  expect((await grant.json()).error).toBe('unsupported_grant_type');
  const twice = await request.post('/api/v1/token', { data: 'grant_type=refresh_token&client_id=rolegate-cli&refresh_token=a&refresh_token=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect((await twice.json()).error).toBe('invalid_request');
});

/** Polls each code once and expects the CLI to be told access_denied (RFC 8628 §3.5). */
async function expectDenied(request: APIRequestContext, ...codes: DeviceCode[]): Promise<void> {
  for (const code of codes) {
    const res = await pollToken(request, code.device_code);
    expect(res.status()).toBe(400);
    expect((await res.json()).error).toBe('access_denied');
  }
}

/** Approves `code` in a fresh browser as `login` (left signed in). */
async function approveIn(browser: Browser, code: DeviceCode, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAtDevicePage(page, code, login);
  await page.getByTestId('device-approve').click();
  await expect(page.getByTestId('device-result')).toContainText('Approved');
  return page;
}

test('issue 12: an approval is not collected once the approver signed out: access_denied, no login', async ({ browser, request }) => {
  const code = await requestDeviceCode(request);
  const bob = await approveIn(browser, code, 'bob@example.com');
  await bob.goto('/roles');
  await bob.getByTestId('sign-out').click();
  await expect(bob).toHaveURL(/\/signin/);
  await expectDenied(request, code, code);
});
