/**
 * Issue 15 §3 end to end: the audit export streams, and a client that goes away mid-file leaves the truth
 * in the ledger — the export's start (written before the first byte) and an `aborted` end with fewer rows
 * than the ledger holds, never a `complete` one. Through the built app, so Next's cancellation of the
 * response body is what is tested. The other admin (gina) exports: alice's exports are counted elsewhere.
 */
import path from 'node:path';
import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { seedLedger } from '../../lib/db/test-support/ledger-seed';
import { signInToRoles } from '../fixtures/signin';

const ROWS = 30_000;
const DAY = 86_400_000;

interface LedgerRow {
  id: string;
  outcome: string;
  detail?: { action?: string; exportId?: string; end?: string; rows?: number; search?: string; format?: string };
}

test('issue 15: an export the client abandons is recorded as aborted, with the rows it was sent', async ({ page }) => {
  test.setTimeout(120_000);
  // Issuances older than anything the other specs write (they read the newest rows or search for their
  // own users), younger than the retention, and of no type another spec counts whole.
  await seedLedger(`file:${path.join(process.env.E2E_DATA_DIR ?? '', 'rolegate.db')}`, ROWS, 0, { start: Date.now() - 40 * DAY, type: 'issuance' });
  await signInToRoles(page, 'google', 'gina@example.com');
  const origin = new URL(page.url()).origin;
  const cookie = (await page.context().cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');

  const abort = new AbortController();
  const res = await fetch(`${origin}/api/admin/audit/export?format=csv&type=issuance`, { headers: { cookie }, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toContain('no-store');
  const reader = res.body?.getReader();
  const first = await reader?.read();
  expect(new TextDecoder().decode(first?.value).startsWith('at,type,outcome')).toBe(true);
  abort.abort();

  const ledger = async () => ((await (await page.request.get('/api/admin/audit/export?format=json&type=admin&q=gina')).json()) as { events: LedgerRow[] }).events;
  const started = (await ledger()).find((r) => r.detail?.action === 'audit.export' && r.detail.search === 'type=issuance' && r.detail.format === 'csv');
  expect(started).toBeTruthy();
  await expect.poll(async () => (await ledger()).find((r) => r.detail?.exportId === started?.id)?.detail?.end, { timeout: 15_000 }).toBe('aborted');
  const end = (await ledger()).find((r) => r.detail?.exportId === started?.id);
  expect(end?.outcome).toBe('failed');
  expect(end?.detail?.rows).toBeLessThan(ROWS / 2);
});
