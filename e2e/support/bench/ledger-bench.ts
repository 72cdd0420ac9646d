/**
 * `npm run bench:ledger` (also `npm run bench -- --ledger`): the audit ledger at millions of rows (issue 15
 * §3). Seeds 1 M rows on SQLite and 10 M on PostgreSQL (bounded; sizes by --sqlite-rows / --pg-rows, or
 * 0 to skip a dialect) into throw-away databases, then times the admin page's queries through the repo and
 * the export's memory (--export-rows, default 200,000). Targets: every page and filter < 10 ms, every
 * search < 100 ms, export memory flat (run with --expose-gc, as the npm script does, for steadier figures).
 * Prints one line per figure; the last line is one JSON object.
 */
import os from 'node:os';
import { closeDb, createDb } from '../../../lib/db/client';
import type { Dialect } from '../../../lib/db/dialect';
import { createRepos } from '../../../lib/db/repos';
import { benchDbBytes, createBenchDb, fillBenchDb } from './ledger-db';
import { measureExport, type ExportMemory } from './ledger-export';
import { ledgerCases, timeAppend, timeCase, warmUp, type CaseResult } from './ledger-queries';
import { runAsScript } from './as-script';

export const TARGETS = { pageMs: 10, searchMs: 100 } as const;

export interface DialectRun {
  rows: number;
  seedMs: number;
  migrateMs: number;
  dbMiB: number;
  cases: CaseResult[];
  export: ExportMemory;
}

const target = (c: CaseResult) => (c.name.startsWith('search.') ? TARGETS.searchMs : TARGETS.pageMs);
const verdict = (c: CaseResult) => (c.name === 'append' ? '(no target)' : c.p50 < target(c) ? 'ok' : `OVER ${target(c)} ms`);
const line = (label: string, value: string) => `  ${label.padEnd(34)}${value}`;

function printExport(e: ExportMemory): void {
  console.log(line(`export ${e.rows.toLocaleString('en')} rows, CSV streamed`, `${(e.ms / 1000).toFixed(1)} s, ${e.rowsPerSec.toLocaleString('en')} rows/s`));
  console.log(line('  live heap at 25/50/75/100 %', `${e.liveHeapMiB.join(' / ')} MiB  ${e.flat ? 'flat' : 'NOT FLAT'} (RSS growth peak ${e.rssGrowthPeakMiB} MiB)`));
  console.log(line('  same rows collected first', `${e.bufferedLiveHeapMiB} MiB live heap (for scale)`));
}

async function runDialect(dialect: Dialect, rows: number, exportRows: number): Promise<DialectRun> {
  const bench = await createBenchDb(dialect);
  try {
    const { seedMs, migrateMs } = await fillBenchDb(bench, dialect, rows);
    const dbMiB = Math.round((await benchDbBytes(bench, dialect)) / 2 ** 20);
    console.log(`${dialect}: ${rows.toLocaleString('en')} rows seeded in ${(seedMs / 1000).toFixed(1)} s; migration 0014 over them ${(migrateMs / 1000).toFixed(1)} s; ${dbMiB} MiB on disk`);
    const db = createDb(bench.url);
    try {
      const { audit } = createRepos(db);
      const cases: CaseResult[] = [];
      await warmUp(audit, rows);
      for (const [name, query] of ledgerCases(rows)) cases.push(await timeCase(audit, name, query));
      cases.push(await timeAppend(audit));
      for (const c of cases) console.log(line(c.name, `p50 ${c.p50} ms  max ${c.max} ms  (${c.rows} rows, n=${c.runs})  ${verdict(c)}`));
      const exported = await measureExport(audit, Math.min(rows, exportRows));
      printExport(exported);
      return { rows, seedMs, migrateMs, dbMiB, cases, export: exported };
    } finally {
      await closeDb(db);
    }
  } finally {
    await bench.drop();
  }
}

function sizeArg(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0 || n > 50_000_000) throw new Error(`${flag} must be a row count 0–50,000,000, got ${raw}`);
  return n;
}

/** Runs the ledger bench; returns the JSON summary (also printed as the last line when standalone). */
export async function benchLedger(): Promise<Record<string, unknown>> {
  const sizes: [Dialect, number][] = [
    ['sqlite', sizeArg('--sqlite-rows', 1_000_000)],
    ['postgresql', sizeArg('--pg-rows', 10_000_000)],
  ];
  const exportRows = sizeArg('--export-rows', 200_000);
  console.log(`Audit ledger benchmark (node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg()[0]?.toFixed(1)})`);
  const out: Record<string, unknown> = { targets: TARGETS };
  let pass = true;
  for (const [dialect, rows] of sizes) {
    if (rows === 0) continue;
    const run = await runDialect(dialect, rows, exportRows);
    pass &&= run.cases.every((c) => c.name === 'append' || c.p50 < target(c)) && run.export.flat;
    out[dialect] = { ...run, cases: Object.fromEntries(run.cases.map(({ name, ...c }) => [name, c])) };
  }
  return { ...out, pass };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAsScript('ledger', () => benchLedger());
}
