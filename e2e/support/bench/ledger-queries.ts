/**
 * What an admin does on /admin/audit, timed through the ledger's own repo (the page's query path): the
 * first page, a page from the middle of history, each filter (first and middle page), text searches.
 */
import type { AuditQuery, AuditRepo } from '../../../lib/db/repos/audit';
import { SEED, seedRoleArn, seedUserId } from '../../../lib/db/test-support/ledger-seed';

export const PAGE = 50;
/** A case slower than this is timed once: the `_` search took 26 s before issue 15. */
const SLOW_MS = 2_000;
const RUNS = 15;

export interface CaseResult {
  name: string;
  rows: number;
  /** Median and worst of the timed runs, milliseconds (0.01 ms resolution). */
  p50: number;
  max: number;
  runs: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The (at, id) just after the middle row of a ledger of `rows` seed rows. */
export function midCursor(rows: number): { at: Date; id: string } {
  return { at: new Date(SEED.start + Math.floor(rows / 4) * SEED.stepMs), id: '' };
}

export function ledgerCases(rows: number): [string, Omit<AuditQuery, 'limit'>][] {
  const mid = midCursor(rows);
  const filters: [string, Omit<AuditQuery, 'limit'>][] = [
    ['type', { type: 'denial' }],
    ['outcome', { outcome: 'failed' }],
    ['idpId', { idpId: 'adfs' }],
    ['roleArn', { roleArn: seedRoleArn(42) }],
    ['userId', { userId: seedUserId(1234) }],
  ];
  return [
    ['page.first', {}],
    ['page.middle', { cursor: mid }],
    ...filters.flatMap(([name, f]): [string, Omit<AuditQuery, 'limit'>][] => [
      [`filter.${name}`, f],
      [`filter.${name}.middle`, { ...f, cursor: mid }],
    ]),
    ['search.email', { text: 'user1234@acme' }],
    ['search.requestIdPart', { text: 'c0ffee' }],
    ['search.underscore.none', { text: 'no_such_value' }],
    ['search.underscore.code', { text: 'ISSUER_MISMATCH' }],
    // LIKE's `_` matches the `.` of every email: the pattern the 26 s of issue 15 came from.
    ['search.underscore.overmatch', { text: 'acme_test' }],
    ['search.broad', { text: 'acme.test' }],
    ['search.email.middle', { text: 'user1234@acme', cursor: mid }],
  ];
}

/** A few queries of every shape first, so the first timed case does not pay for connections and caches. */
export async function warmUp(audit: AuditRepo, rows: number): Promise<void> {
  for (const [, query] of ledgerCases(rows)) await audit.listAudit({ ...query, limit: PAGE });
}

/** An audit append (the write path, with the search index kept in step), timed like a query. */
export async function timeAppend(audit: AuditRepo): Promise<CaseResult> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS * 2; i++) {
    const t0 = performance.now();
    await audit.appendAudit({ type: 'issuance', outcome: 'ok', userId: 'u-bench', email: `bench${i}@acme.test`, roleArn: 'arn:aws:iam::111122223333:role/Bench', requestId: `req-bench-${i}`, ip: '192.0.2.1' });
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { name: 'append', rows: 1, p50: r2(samples[Math.floor((samples.length - 1) / 2)] ?? NaN), max: r2(samples.at(-1) ?? NaN), runs: samples.length };
}

export async function timeCase(audit: AuditRepo, name: string, query: Omit<AuditQuery, 'limit'>): Promise<CaseResult> {
  const once = async () => {
    const t0 = performance.now();
    const got = await audit.listAudit({ ...query, limit: PAGE });
    return { ms: performance.now() - t0, rows: got.length };
  };
  const first = await once();
  const samples: number[] = [];
  let rows = first.rows;
  if (first.ms > SLOW_MS) samples.push(first.ms);
  else {
    for (let i = 0; i < RUNS; i++) {
      const r = await once();
      samples.push(r.ms);
      rows = r.rows;
    }
  }
  samples.sort((a, b) => a - b);
  return { name, rows, p50: r2(samples[Math.floor((samples.length - 1) / 2)] ?? NaN), max: r2(samples.at(-1) ?? NaN), runs: samples.length };
}
