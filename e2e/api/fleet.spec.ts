/**
 * Issue 14 §3: two Rolegate instances (A and B) on one PostgreSQL database behind a round-robin proxy. The
 * browser and the CLI only ever see the proxy's origin; `on(A)` / `on(B)` pins one request to one instance.
 * What is made on one instance holds on the other: sessions, SAML replay, device codes, refresh-token reuse,
 * admin edits, lock-down, rate limits and keys.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { bearer, pollToken, refresh, requestDeviceCode, signInAtDevicePage, type Tokens } from '../fixtures/device';
import { A, B, FLEET_URL, on, type TestFleet } from '../fixtures/fleet';
import { issueOn, keysOf, samlResponseFor, setRuleDisabled, useFleet } from '../fixtures/fleet-flows';

const OPERATOR = '444455556666/Operator';
let fleet: TestFleet;
let bob: Page;
let alice: Page;
useFleet(B, (users) => ({ fleet, bob, alice } = users));

test('two first starts together made one active key and one next key, and both instances publish the same keys', async () => {
  const byStatus = await fleet.sql<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM "SigningKey" GROUP BY status ORDER BY status`);
  expect(byStatus.map((r) => `${r.status}=${r.n}`)).toEqual(['active=1', 'next=1']);
  const saml = await fleet.sql<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM "SamlKey" GROUP BY status ORDER BY status`);
  expect(saml.map((r) => `${r.status}=${r.n}`)).toEqual(['active=1', 'next=1']);
  expect(await keysOf(bob, A)).toEqual(await keysOf(bob, B));
  const metadata = await Promise.all([A, B].map(async (i) => (await bob.request.get('/aws/saml/metadata', { headers: on(i) })).text()));
  expect(metadata[0]).toBe(metadata[1]);
});

test('a session made on A works on B', async () => {
  // bob signed in with every request pinned to A; his cookie opens the role picker on B.
  const roles = await bob.request.get('/roles', { headers: on(B) });
  expect(roles.status()).toBe(200);
  expect(await roles.text()).toContain('data-testid="role-prod-Operator"');
  expect((await issueOn(bob, B, OPERATOR)).status()).toBe(200);
});

test('a SAML response accepted on A is a replay on B', async ({ browser }) => {
  const page = await (await browser.newContext({ baseURL: FLEET_URL })).newPage();
  const form = await samlResponseFor(page, 'adfs', 'sid@example.com');
  const first = await page.request.post('/saml/adfs/acs', { form, headers: on(A), maxRedirects: 0 });
  expect(first.headers().location).toBe('/roles');
  const again = await page.request.post('/saml/adfs/acs', { form, headers: on(B), maxRedirects: 0 });
  expect(again.headers().location).toBe('/error?error=SAML_REPLAY');
});

let cli: Tokens;

test('a device code approved on A is collected on B', async ({ browser, request }) => {
  const page = await (await browser.newContext({ baseURL: FLEET_URL, extraHTTPHeaders: on(A) })).newPage();
  const code = await requestDeviceCode(request);
  await signInAtDevicePage(page, code, 'bob@example.com');
  await page.getByTestId('device-approve').click();
  await expect(page.getByTestId('device-result')).toContainText('Approved');
  const res = await pollToken(request, code.device_code, on(B));
  expect(res.status()).toBe(200);
  cli = (await res.json()) as Tokens;
  // Collected once: the same code asked again (on A) is spent.
  expect((await pollToken(request, code.device_code)).status()).toBe(400);
});

test('a refresh token rotated on A and reused on B revokes the whole login', async ({ request }) => {
  const rotated = await refresh(request, cli.refresh_token, on(A));
  expect(rotated.status()).toBe(200);
  const fresh = (await rotated.json()) as Tokens;
  const reuse = await refresh(request, cli.refresh_token, on(B));
  expect(reuse.status()).toBe(400);
  expect((await reuse.json()).error).toBe('invalid_grant');
  expect((await refresh(request, fresh.refresh_token)).status()).toBe(400);
  for (const i of [A, B]) {
    const keys = await request.post('/api/v1/credentials', { data: { roleId: OPERATOR }, headers: { ...bearer(fresh.access_token), ...on(i) } });
    expect(keys.status()).toBe(401);
  }
});

test('a rule disabled on A is refused on B before the admin has read the answer, every time', async () => {
  for (let round = 0; round < 5; round++) {
    await setRuleDisabled(alice, A, 'prod-operators', true);
    const refused = await issueOn(bob, B, OPERATOR);
    expect(refused.status(), `round ${round}`).toBe(403);
    expect((await refused.json()).error.code).toBe('POLICY_NO_ROLE');
    await setRuleDisabled(alice, A, 'prod-operators', false);
    expect((await issueOn(bob, B, OPERATOR)).status(), `round ${round}`).toBe(200);
  }
});

test('lock-down switched on at A stops issuance on B at once, and switched off at B resumes it on A', async () => {
  const lockdown = (i: number, enabled: boolean) =>
    alice.request.post('/api/admin/lockdown', { data: { enabled, reason: 'INC-14: fleet drill' }, headers: { Origin: FLEET_URL, ...on(i) } });
  expect((await lockdown(A, true)).status()).toBe(200);
  const refused = await issueOn(bob, B, OPERATOR);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('ISSUANCE_LOCKED');
  expect((await lockdown(B, false)).status()).toBe(200);
  expect((await issueOn(bob, A, OPERATOR)).status()).toBe(200);
});

test('the device-code rate limit of one address is shared by both instances', async ({ request }) => {
  const from = { 'X-Forwarded-For': '203.0.113.14', 'User-Agent': 'rolegate-cli/0.1 (linux)' };
  const answers: Record<number, number[]> = { [A]: [], [B]: [] };
  for (let n = 0; n < 40; n++) {
    const i = n % 2;
    const res = await request.post('/api/v1/device/code', { form: { client_id: 'rolegate-cli' }, headers: { ...from, ...on(i) } });
    answers[i]!.push(res.status());
  }
  const granted = [...answers[A]!, ...answers[B]!].filter((s) => s === 200).length;
  // Burst 30, refilling 0.5/s: one budget for both, a few tokens of refill at most while the loop runs.
  expect(granted).toBeGreaterThanOrEqual(30);
  expect(granted).toBeLessThanOrEqual(33);
  expect(answers[A]).toContain(429);
  expect(answers[B]).toContain(429);
});
