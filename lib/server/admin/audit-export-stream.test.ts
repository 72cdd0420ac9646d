/**
 * The streamed export (issue 15 §3): it reads a page only when the client has taken the previous one, and
 * its ledger rows never claim more than happened — a client that goes away, a read that fails and a start
 * row that cannot be written each leave the truth. Real ledgers on both dialects.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AuditQuery } from '../../db/repos/audit-types';
import { describeEachDialect } from '../../db/test-support/databases';
import { seedLedger } from '../../db/test-support/ledger-seed';
import { EXPORT_FORMATS } from './audit-export';
import { chunksOf, drain, exportRowsOf, recordAs } from './test-support/export-drain';
import { startExport, type ExportRun } from './audit-export-stream';
import { parseAuditSearch } from './audit-search';

const all = parseAuditSearch({});
const settle = () => new Promise((r) => setTimeout(r, 50));

describeEachDialect('the streamed audit export', (ctx) => {
  const run = (over: Partial<ExportRun> = {}): ExportRun => ({ source: ctx().repos.audit, search: all, format: EXPORT_FORMATS.csv, maxRows: 1_000_000, record: recordAs(ctx().repos), ...over });
  const counting = () => {
    const calls: AuditQuery[] = [];
    return { calls, source: { listAudit: (q: AuditQuery) => (calls.push(q), ctx().repos.audit.listAudit(q)) } };
  };

  it('reads one page at a time, as the client takes them, and holds only rows older than its own start', async () => {
    await seedLedger(ctx().url, 3_000);
    const { calls, source } = counting();
    const { exportId, body } = await startExport(run({ source }));
    const reader = body.getReader();
    await reader.read(); // the header
    await reader.read(); // page 1
    await settle();
    assert.ok(calls.length <= 2, `${calls.length} pages read for one taken`);
    await reader.cancel();
    const [start] = await exportRowsOf(ctx().repos, exportId);
    assert.deepEqual(calls[0]?.cursor, start && { at: start.at, id: start.id }, 'the first page starts below the start row');
  });

  it('a client that cancels leaves an `aborted` end row with the rows handed over, and nothing claiming completion', async () => {
    const { exportId, body } = await startExport(run());
    const reader = body.getReader();
    for (let i = 0; i < 3; i++) await reader.read(); // header, two pages
    await reader.cancel();
    await settle();
    const rows = await exportRowsOf(ctx().repos, exportId);
    assert.equal(rows.length, 2);
    assert.equal(rows[1]?.outcome, 'failed');
    assert.equal(rows[1]?.detail?.end, 'aborted');
    assert.ok([1_000, 1_500].includes(Number(rows[1]?.detail?.rows)), `rows ${rows[1]?.detail?.rows}`);
    assert.equal(rows[1]?.detail?.truncated, undefined, 'an aborted export says nothing about truncation');
  });

  it('the request signal aborting (client gone, body not cancelled) ends it the same way, once', async () => {
    const ac = new AbortController();
    const { exportId, body } = await startExport(run({ signal: ac.signal }));
    const reader = body.getReader();
    await reader.read();
    await reader.read();
    ac.abort();
    await assert.rejects(async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read());
    });
    await reader.cancel().catch(() => undefined);
    await settle();
    const rows = await exportRowsOf(ctx().repos, exportId);
    assert.deepEqual(rows.map((r) => r.detail?.end ?? 'start'), ['start', 'aborted']);
  });

  it('a read that fails mid-way errors the body (no summary line) and records `failed`', async () => {
    let n = 0;
    const source = { listAudit: (q: AuditQuery) => (++n === 3 ? Promise.reject(new Error('disk gone')) : ctx().repos.audit.listAudit(q)) };
    const errors: unknown[] = [];
    const { exportId, body } = await startExport(run({ source, onError: (e) => errors.push(e) }));
    await assert.rejects(drain(body), /disk gone/);
    const rows = await exportRowsOf(ctx().repos, exportId);
    assert.deepEqual(rows.map((r) => [r.detail?.end ?? 'start', r.detail?.rows ?? null]), [['start', null], ['failed', 1_000]]);
    assert.equal(errors.length, 1, 'logged once');
  });

  it('nothing is sent when the start row cannot be written', async () => {
    const { calls, source } = counting();
    await assert.rejects(startExport(run({ source, record: () => Promise.reject(new Error('ledger down')) })), /ledger down/);
    assert.equal(calls.length, 0);
  });

  it('a complete JSON export parses and agrees with its end row', async () => {
    const search = parseAuditSearch({ type: 'lockdown' });
    const { exportId, body } = await startExport(run({ search, format: EXPORT_FORMATS.json }));
    const chunks: Uint8Array[] = [];
    for await (const chunk of chunksOf(body)) chunks.push(chunk);
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    const doc = JSON.parse(text) as { events: { type: string }[]; rows: number; truncated: boolean; exportId: string };
    assert.ok(doc.events.length > 0 && doc.events.every((e) => e.type === 'lockdown'));
    assert.deepEqual([doc.rows, doc.truncated, doc.exportId], [doc.events.length, false, exportId]);
    const [, end] = await exportRowsOf(ctx().repos, exportId);
    assert.deepEqual([end?.outcome, end?.detail?.end, end?.detail?.rows], ['ok', 'complete', doc.rows]);
  });
});
