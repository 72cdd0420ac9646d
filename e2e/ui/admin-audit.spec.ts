/**
 * Issue 5 §4 end to end: an issuance lands in the audit ledger with its facts; an admin finds it by a
 * filtered search, pages through, and exports the same search as CSV and JSON (each export audited).
 * A malformed search gets a typed message, not a 500.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInToRoles } from '../fixtures/signin';

const ROLE_ID = '111122223333/Admin';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/Admin';
const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

test('an admin finds an issuance by search, pages through the ledger and exports it as CSV and JSON', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  const keys = await page.request.post('/api/aws/credentials', { data: { roleId: ROLE_ID }, headers: origin(page) });
  expect(keys.status()).toBe(200);
  // Enough events for more than one page of 50: each refused role request is an audited denial.
  for (let i = 0; i < 55; i++) await page.request.post('/api/aws/credentials', { data: { roleId: '999999999999/Nope' }, headers: origin(page) });

  await page.getByTestId('nav-audit').click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await page.getByTestId('audit-q').fill('ALICE@example');
  await page.getByTestId('audit-type').selectOption('issuance');
  await page.getByTestId('audit-role').fill(ROLE_ARN);
  await page.getByTestId('audit-search').click();
  const row = page.getByTestId('audit-row').first();
  await expect(row).toHaveAttribute('data-type', 'issuance');
  await expect(row).toContainText('alice@example.com');
  await expect(row).toContainText(ROLE_ARN);
  await expect(row).toContainText('STS request id');
  await expect(row).toContainText('SourceIdentity');
  await expect(row).toContainText('web');
  await page.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/admin-audit.png`, fullPage: true });

  const csv = await page.request.get(`/api/admin/audit/export?format=csv&type=issuance&q=alice&role=${encodeURIComponent(ROLE_ARN)}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="rolegate-audit-.*\.csv"$/);
  expect(csv.headers()['cache-control']).toContain('no-store');
  // Streamed (issue 15 §3): the count and the cap's verdict are the file's last line, not headers.
  expect(csv.headers()['x-rolegate-export-rows']).toBeUndefined();
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toContain('at,type,outcome,code,userId,email');
  const rows = lines.slice(1, -1);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((l) => l.includes(',issuance,') && l.includes(ROLE_ARN))).toBe(true);
  expect(lines.at(-1)).toMatch(new RegExp(`^#rolegate-export rows=${rows.length} truncated=false id=[\\w-]+$`));
  const json = await page.request.get(`/api/admin/audit/export?format=json&type=issuance&q=alice`);
  expect(json.headers()['cache-control']).toContain('no-store');
  const file = (await json.json()) as { events: { type: string; email: string; requestId?: string }[]; rows: number; truncated: boolean };
  expect(file.events.length).toBeGreaterThan(0);
  expect([file.rows, file.truncated]).toEqual([file.events.length, false]);
  expect(file.events.every((e) => e.type === 'issuance' && e.email === 'alice@example.com')).toBe(true);
  expect(file.events[0]?.requestId).toBeTruthy();

  // The exports themselves are in the ledger: each one's start (before the first byte) and its end.
  await page.goto('/admin/audit?type=admin&q=alice');
  const action = (name: string) => page.getByTestId('audit-row').filter({ has: page.locator('dd', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) });
  await expect(action('audit.export')).toHaveCount(2);
  await expect(action('audit.export.end')).toHaveCount(2);
  await expect(action('audit.export.end').first()).toContainText('"end": "complete"');

  // Paging: the unfiltered ledger holds more than one page; the second page continues without overlap.
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-row')).toHaveCount(50);
  const ids = () => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
  const firstPage = await ids();
  await page.getByTestId('audit-older').click();
  await expect(page).toHaveURL(/cursor=/);
  const secondPage = await ids();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
});

test('a malformed search or export gets a typed message and changes nothing', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  const res = await page.goto('/admin/audit?type=delete-everything&from=yesterday');
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId('audit-problem')).toContainText('type:');
  await expect(page.getByTestId('audit-problem')).toContainText('from:');
  const bad = await page.request.get('/api/admin/audit/export?format=xlsx');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: 'BAD_REQUEST', detail: 'format: expected csv or json' });
});
