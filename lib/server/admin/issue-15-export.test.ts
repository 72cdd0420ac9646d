/**
 * Issue 15 §3 regression: the export stopped at 500 rows and called itself complete (it asked for 501 rows
 * a page, the repo caps a page at 500, so it never saw a next page). Real ledgers on both dialects, through
 * the streamed export the route serves.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { GatewayError } from '../../core/errors';
import { describeEachDialect } from '../../db/test-support/databases';
import { seedLedger } from '../../db/test-support/ledger-seed';
import { EXPORT_FORMATS } from './audit-export';
import { drain, exportRowsOf, recordAs } from './test-support/export-drain';
import { auditPage } from './audit-export-read';
import { startExport } from './audit-export-stream';
import { parseAuditSearch } from './audit-search';

const all = parseAuditSearch({});

describeEachDialect('issue 15: the audit export', (ctx) => {
  const exportCsv = async (maxRows: number) => {
    const { repos } = ctx();
    const before = await ctx().db.auditEvent.count();
    const { exportId, body } = await startExport({ source: repos.audit, search: all, format: EXPORT_FORMATS.csv, maxRows, record: recordAs(repos) });
    return { before, exportId, file: await drain(body) };
  };

  it('holds every row of a ledger longer than one page, and says it is complete', async () => {
    await seedLedger(ctx().url, 1_201);
    const { before, exportId, file } = await exportCsv(1_000_000);
    assert.equal(before, 1_201);
    assert.equal(file.lines, 1_201 + 2, 'header, every row, the summary');
    assert.ok(file.tail.endsWith(`\r\n#rolegate-export rows=1201 truncated=false id=${exportId}\r\n`), file.tail.slice(-120));
    const [start, end] = await exportRowsOf(ctx().repos, exportId);
    assert.equal(start?.detail?.action, 'audit.export');
    assert.deepEqual(end?.detail, { action: 'audit.export.end', target: 'AuditEvent', exportId, format: 'csv', end: 'complete', rows: 1_201, truncated: false });
  });

  it('is cut at the cap, and says so only when a row was left out', async () => {
    const exact = await exportCsv(await ctx().db.auditEvent.count());
    assert.match(exact.file.tail, new RegExp(`rows=${exact.before} truncated=false`));
    const cut = await exportCsv((await ctx().db.auditEvent.count()) - 1);
    assert.match(cut.file.tail, new RegExp(`rows=${cut.before - 1} truncated=true`));
    const onePage = await exportCsv(500);
    assert.match(onePage.file.tail, /rows=500 truncated=true/);
    assert.equal(onePage.file.lines, 502);
  });

  it('a page as large as the repo cap is refused rather than silently never having a next page', async () => {
    const page = await auditPage(ctx().repos.audit, all, 499);
    assert.equal(page.events.length, 499);
    assert.ok(page.next, 'a next page follows');
    await assert.rejects(auditPage(ctx().repos.audit, all, 500), (e: unknown) => e instanceof GatewayError && e.code === 'INTERNAL');
  });

  it('of 100,000 rows holds 100,000, newest first', async () => {
    await seedLedger(ctx().url, 100_000 - 1_201, 1_201);
    const { before, file } = await exportCsv(1_000_000);
    assert.ok(before >= 100_000);
    assert.equal(file.lines, before + 2);
    assert.match(file.tail, new RegExp(`rows=${before} truncated=false`));
    const firstTimes = file.head.split('\r\n').slice(1, 20).map((l) => l.slice(0, 24));
    assert.deepEqual(firstTimes, [...firstTimes].sort().reverse(), 'newest first');
  });
});
