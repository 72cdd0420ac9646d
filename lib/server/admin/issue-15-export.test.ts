/**
 * Issue 15 §3 regression: the export stopped at 500 rows and called itself complete (it asked for 501 rows
 * a page, the repo caps a page at 500, so it never saw a next page). Real ledgers on both dialects.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect } from '../../db/test-support/databases';
import { seedLedger } from '../../db/test-support/ledger-seed';
import { GatewayError } from '../../core/errors';
import { auditPage, readExportRows } from './audit-export-read';
import { parseAuditSearch } from './audit-search';

const all = parseAuditSearch({});

describeEachDialect('issue 15: the audit export', (ctx) => {
  it('holds every row of a ledger longer than one page, and says it is complete', async () => {
    await seedLedger(ctx().url, 1_201);
    const { events, truncated } = await readExportRows(ctx().repos.audit, all, 1_000_000);
    assert.equal(events.length, 1_201);
    assert.equal(truncated, false);
    assert.equal(new Set(events.map((e) => e.id)).size, 1_201, 'no row twice');
  });

  it('is cut at the cap, and says so only when a row was left out', async () => {
    const exact = await readExportRows(ctx().repos.audit, all, 1_201);
    assert.deepEqual([exact.events.length, exact.truncated], [1_201, false]);
    const cut = await readExportRows(ctx().repos.audit, all, 1_200);
    assert.deepEqual([cut.events.length, cut.truncated], [1_200, true]);
    const onePage = await readExportRows(ctx().repos.audit, all, 500);
    assert.deepEqual([onePage.events.length, onePage.truncated], [500, true]);
  });

  it('a page as large as the repo cap is refused rather than silently never having a next page', async () => {
    const page = await auditPage(ctx().repos.audit, all, 499);
    assert.equal(page.events.length, 499);
    assert.ok(page.next, 'a next page follows');
    await assert.rejects(auditPage(ctx().repos.audit, all, 500), (e: unknown) => e instanceof GatewayError && e.code === 'INTERNAL');
  });

  it('of 100,000 rows holds 100,000, newest first', async () => {
    await seedLedger(ctx().url, 100_000 - 1_201, 1_201);
    const { events, truncated } = await readExportRows(ctx().repos.audit, all, 1_000_000);
    assert.equal(events.length, 100_000);
    assert.equal(truncated, false);
    assert.ok(events.every((e, i) => i === 0 || e.at <= (events[i - 1]?.at ?? e.at)), 'newest first');
  });
});
