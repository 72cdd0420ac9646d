/**
 * Issue 14 §4: /metrics in Prometheus text format, behind its bearer token; a scrape after a sign-in and
 * an issuance shows both counted (by IdP and outcome; by account, role, channel and outcome), with the
 * STS and ledger latencies observed.
 */
import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { METRICS_TOKEN as TOKEN, sample, scrape } from '../fixtures/metrics';
import { signInToRoles } from '../fixtures/signin';

test('issue 14 §4: /metrics needs its token, and counts a sign-in and an issuance', async ({ page, request }) => {
  expect((await request.get('/metrics')).status()).toBe(401);
  expect((await request.get('/metrics', { headers: { Authorization: `Bearer ${TOKEN}0` } })).status()).toBe(401);

  const before = await scrape(request);
  await signInToRoles(page, 'okta', 'alice@example.com');
  const keys = await page.request.post('/api/aws/credentials', { data: { roleId: '111122223333/Admin' }, headers: { Origin: new URL(page.url()).origin } });
  expect(keys.status()).toBe(200);
  const after = await scrape(request);

  const signins = 'rolegate_signins_total{idp="okta",outcome="ok",code=""}';
  expect(sample(after, signins)).toBe(sample(before, signins) + 1);
  const issued = 'rolegate_issuances_total{type="issuance",account="111122223333",role="Admin",channel="web",outcome="ok",code=""}';
  expect(sample(after, issued)).toBe(sample(before, issued) + 1);
  const sts = 'rolegate_sts_call_seconds_count{operation="AssumeRoleWithWebIdentity",outcome="ok"}';
  expect(sample(after, sts)).toBeGreaterThan(sample(before, sts));
  expect(sample(after, 'rolegate_ledger_write_seconds_count{outcome="ok"}')).toBeGreaterThan(sample(before, 'rolegate_ledger_write_seconds_count{outcome="ok"}'));
  expect(sample(after, 'rolegate_config_revision')).toBeGreaterThan(0);
  expect(after).toMatch(/^rolegate_key_not_after_timestamp_seconds\{purpose="aws-idp-signing",status="active",kid="[^"]+"\} \d+$/m);
  expect(after).toMatch(/^rolegate_process_resident_memory_bytes \d+/m);
});

test('issue 14 §4: every answer carries an X-Request-Id, and the audit row of an issuance made in that request has it', async ({ page, browser }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  const keys = await page.request.post('/api/aws/credentials', { data: { roleId: '111122223333/Admin' }, headers: { Origin: new URL(page.url()).origin } });
  expect(keys.status()).toBe(200);
  const requestId = keys.headers()['x-request-id'];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  // A client cannot choose its id when no trusted proxy is in front (the demo has none).
  const chosen = await page.request.get('/api/health', { headers: { 'X-Request-Id': 'chosen-by-client' } });
  expect(chosen.headers()['x-request-id']).not.toBe('chosen-by-client');
  // Exported by the other admin: alice's own exports are counted by admin-audit.spec.
  const gina = await (await browser.newContext()).newPage();
  await signInToRoles(gina, 'google', 'gina@example.com');
  const rows = ((await (await gina.request.get('/api/admin/audit/export?format=json&type=issuance')).json()) as { events: Array<{ detail?: { requestId?: string } }> }).events;
  expect(rows.filter((r) => r.detail?.requestId === requestId)).toHaveLength(1);
});
