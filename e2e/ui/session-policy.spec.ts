/**
 * Issue 5 §2 role settings end to end: the demo's security/SecurityAudit role carries a scope-down session
 * policy — the picker marks it, the AWS emulator accepts the policy STS-style with the keys, and the
 * issuance row records the policy's digest (never its text); accounts show their configured colour.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { AUDIT_SCOPE_DOWN } from '../support/demo/demo-config';
import { signInToRoles } from '../fixtures/signin';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

function lastIssuanceDetail(roleArn: string): Record<string, unknown> {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? '', 'rolegate.db'), { readonly: true });
  try {
    const row = db.prepare(`SELECT detail FROM "AuditEvent" WHERE type = 'issuance' AND outcome = 'ok' AND "roleArn" = ? ORDER BY at DESC LIMIT 1`).get(roleArn) as { detail: string } | undefined;
    return JSON.parse(row?.detail ?? '{}') as Record<string, unknown>;
  } finally {
    db.close();
  }
}

test('a role with a session policy is marked, issues keys the emulator accepts, and the ledger keeps its digest', async ({ page }) => {
  await signInToRoles(page, 'google', 'gina@example.com');
  const row = page.getByTestId('role-security-SecurityAudit');
  await expect(row.getByTestId('scoped-chip')).toBeVisible();
  await expect(page.getByTestId('role-dev-ReadOnly').getByTestId('scoped-chip')).toHaveCount(0);
  await expect(page.locator('section[data-colour="#6a1b9a"]')).toContainText('security');

  const res = await page.request.post('/api/aws/credentials', { data: { roleId: '777788889999/SecurityAudit' }, headers: origin(page) });
  expect(res.status()).toBe(200);
  const detail = lastIssuanceDetail('arn:aws:iam::777788889999:role/SecurityAudit');
  expect(detail.sessionPolicySha256).toBe(createHash('sha256').update(JSON.stringify(JSON.parse(AUDIT_SCOPE_DOWN))).digest('hex'));
  expect(JSON.stringify(detail)).not.toContain('cloudtrail:LookupEvents');
});
