/**
 * Issue 5 §3, end to end: admin alice requests a 1-approval grant of dev/ReadOnly for carol (no AWS
 * groups); alice cannot approve her own request; admin gina approves; carol sees the role with its time
 * left and gets keys the AWS emulator accepts; alice revokes; carol's next issuance is refused at once and
 * the denial is in the audit ledger.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { callerIdentityArn } from '../support/aws-client';
import { signInToRoles, visibleRoles } from '../fixtures/signin';

const AWS_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 2}`;
const SHOTS = process.env.E2E_SCREENSHOTS ?? path.join(process.env.E2E_DATA_DIR ?? '/tmp', 'screenshots');
const REASON = 'INC-4711: read CloudTrail for the incident review';

function auditRows(sql: string, ...params: string[]): Record<string, unknown>[] {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  const db = new Database(path.join(dataDir, 'rolegate.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

test('a grant needs another admin’s approval, gives working keys with its time left, and revocation stops issuance at once', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  await alice.getByTestId('nav-grants').click();
  await expect(alice).toHaveURL(/\/admin\/grants$/);
  // Other specs (access requests) may have created grants before: count from here.
  const grantsBefore = Number(auditRows(`SELECT COUNT(*) AS n FROM "RoleGrant"`)[0]?.n);
  await alice.getByTestId('grant-email').fill('carol@example.com');
  await alice.getByTestId('grant-email-idp').selectOption('okta');
  await alice.getByTestId('grant-role').selectOption('111122223333/ReadOnly');
  await alice.getByTestId('grant-hours').fill('2');
  await alice.getByTestId('grant-approvals').fill('1');
  await alice.getByTestId('grant-reason-input').fill(REASON);
  await alice.getByTestId('grant-submit').click();
  const pendingRow = alice.getByTestId('grants-pending').getByTestId('grant-row').filter({ hasText: 'carol@example.com' });
  await expect(pendingRow).toBeVisible();
  await expect(pendingRow.getByTestId('grant-approve')).toHaveCount(0);
  const grantId = (await pendingRow.getAttribute('data-grant-id')) ?? '';
  expect(grantId).not.toBe('');

  // The hidden button is no protection by itself: the server refuses the requester with a typed code.
  const self = await alice.request.post('/api/admin/grants/decide', { data: { grantId, decision: 'approve' }, headers: origin(alice) });
  expect(self.status()).toBe(403);
  expect((await self.json()).error.code).toBe('GRANT_SELF_APPROVAL');

  // Bad input is refused with a typed code and creates nothing; a cross-site post is refused before anything.
  const bad = { roleId: '111122223333/ReadOnly', email: 'carol@example.com', emailIdp: 'okta', reason: 'x', durationMinutes: 60, requiredApprovals: 1 };
  for (const [body, code] of [
    [{ ...bad, reason: 'an email alone names nobody', emailIdp: undefined }, 'GRANT_INVALID'],
    [{ ...bad, reason: 'an unknown IdP', emailIdp: 'nope' }, 'GRANT_INVALID'],
    [{ ...bad, reason: '  ' }, 'GRANT_INVALID'],
    [{ ...bad, roleId: '111122223333/Nope' }, 'GRANT_ROLE_UNKNOWN'],
    [{ ...bad, durationMinutes: 1 }, 'GRANT_INVALID'],
    [{ ...bad, requiredApprovals: 6 }, 'BAD_REQUEST'],
    [{ ...bad, email: 'alice@example.com', requiredApprovals: 0 }, 'GRANT_SELF_APPROVAL'],
  ] as const) {
    const res = await alice.request.post('/api/admin/grants', { data: body, headers: origin(alice) });
    expect((await res.json()).error.code, JSON.stringify(body)).toBe(code);
  }
  const csrf = await alice.request.post('/api/admin/grants', { data: bad, headers: { Origin: 'http://evil.example' } });
  expect((await csrf.json()).error.code).toBe('CSRF_REJECTED');
  expect(Number(auditRows(`SELECT COUNT(*) AS n FROM "RoleGrant"`)[0]?.n)).toBe(grantsBefore + 1);

  // Before approval carol holds nothing.
  const carol = await (await browser.newContext()).newPage();
  await signInToRoles(carol, 'okta', 'carol@example.com');
  expect(await visibleRoles(carol)).toEqual([]);
  const early = await carol.request.post('/api/aws/credentials', { data: { roleId: '111122223333/ReadOnly' }, headers: origin(carol) });
  expect((await early.json()).error.code).toBe('POLICY_NO_ROLE');

  const gina = await (await browser.newContext()).newPage();
  await signInToRoles(gina, 'google', 'gina@example.com');
  await gina.goto('/admin/grants');
  await gina.getByTestId('grants-pending').locator(`[data-grant-id="${grantId}"]`).getByTestId('grant-approve').click();
  const activeRow = gina.getByTestId('grants-active').locator(`[data-grant-id="${grantId}"]`);
  await expect(activeRow.getByTestId('grant-remaining')).toContainText(/until .* · 1 h 59 min left|2 h 0 min left/);
  await gina.screenshot({ path: path.join(SHOTS, 'admin-grants.png'), fullPage: true });

  await carol.reload();
  expect(await visibleRoles(carol)).toEqual(['dev-ReadOnly']);
  const row = carol.getByTestId('role-dev-ReadOnly');
  await expect(row.getByTestId('grant-chip')).toContainText(/Granted until .* UTC · (1 h 59 min|2 h 0 min) left/);
  await expect(row.getByTestId('grant-reason')).toContainText(REASON);
  await carol.screenshot({ path: path.join(SHOTS, 'roles-with-grant.png'), fullPage: true });
  const api = await carol.request.get('/api/v1/roles', { headers: origin(carol) });
  const listed = (await api.json()).roles as { id: string; grant?: { id: string; reason: string } }[];
  expect(listed.map((r) => [r.id, r.grant?.id, r.grant?.reason])).toEqual([['111122223333/ReadOnly', grantId, REASON]]);

  await row.getByTestId('keys-dev-ReadOnly').click();
  const panel = carol.getByTestId('keys-panel');
  await panel.getByTestId('format-json').click();
  const json = JSON.parse((await panel.getByTestId('keys-output').textContent()) ?? '{}') as Record<string, string>;
  const arn = await callerIdentityArn(AWS_URL, { accessKeyId: json.AccessKeyId ?? '', secretAccessKey: json.SecretAccessKey ?? '', sessionToken: json.SessionToken ?? '', expiration: json.Expiration ?? '' });
  expect(arn).toBe('arn:aws:sts::111122223333:assumed-role/ReadOnly/okta=carol@example.com');
  const [issued] = auditRows(`SELECT detail FROM "AuditEvent" WHERE type = 'issuance' AND outcome = 'ok' AND email = 'carol@example.com' ORDER BY at DESC LIMIT 1`);
  expect(JSON.parse(String(issued?.detail)).grantId).toBe(grantId);
  await carol.keyboard.press('Escape');

  await alice.reload();
  await alice.getByTestId('grants-active').locator(`[data-grant-id="${grantId}"]`).getByTestId('grant-revoke').click();
  await expect(alice.getByTestId('grants-ended').locator(`[data-grant-id="${grantId}"]`).getByTestId('grant-phase')).toHaveText('revoked');

  // The very next issuance is refused — no re-login, no cache — and the denial is audited.
  const after = await carol.request.post('/api/aws/credentials', { data: { roleId: '111122223333/ReadOnly' }, headers: origin(carol) });
  expect(after.status()).toBe(403);
  expect((await after.json()).error.code).toBe('POLICY_NO_ROLE');
  const denials = auditRows(`SELECT code FROM "AuditEvent" WHERE type = 'denial' AND email = 'carol@example.com' AND "roleArn" = 'arn:aws:iam::111122223333:role/ReadOnly'`);
  expect(denials.length).toBeGreaterThanOrEqual(2);
  await carol.reload();
  expect(await visibleRoles(carol)).toEqual([]);

  const ledger = auditRows(`SELECT outcome, code, detail FROM "AuditEvent" WHERE type = 'grant' AND detail LIKE ? ORDER BY at`, `%${grantId}%`).map((r) => [r.outcome, r.code, JSON.parse(String(r.detail)).action]);
  expect(ledger).toEqual([['ok', null, 'request'], ['denied', 'GRANT_SELF_APPROVAL', 'approve'], ['ok', null, 'approve'], ['ok', null, 'revoke']]);
});

test('a non-admin cannot open the grants page or call the grant routes', async ({ page }) => {
  await signInToRoles(page, 'okta', 'bob@example.com');
  await expect(page.getByTestId('nav-grants')).toHaveCount(0);
  const res = await page.goto('/admin/grants');
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('error-code')).toHaveText('FORBIDDEN');
  for (const [url, data] of [
    ['/api/admin/grants', { roleId: '444455556666/Operator', email: 'bob@example.com', emailIdp: 'okta', reason: 'x', durationMinutes: 60, requiredApprovals: 0 }],
    ['/api/admin/grants/decide', { grantId: 'x', decision: 'approve' }],
    ['/api/admin/grants/revoke', { grantId: 'x' }],
  ] as const) {
    const res = await page.request.post(url, { data, headers: origin(page) });
    expect(res.status(), url).toBe(403);
  }
  expect((await page.request.get('/api/admin/grants')).status()).toBe(403);
});
