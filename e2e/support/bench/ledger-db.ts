/**
 * The ledger bench's databases: a temp SQLite file or a PostgreSQL database named
 * rolegate_ledger_bench_<pid>, always dropped afterwards (also on Ctrl-C). The ledger is seeded under the
 * migrations before 0014 and then migrated, as an existing ledger would be: the rows go in fast, and the
 * bench times migration 0014 (its indexes and the search index built over the seeded rows).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '../../../prisma/migrate';
import type { Dialect } from '../../../lib/db/dialect';
import { seedLedger } from '../../../lib/db/test-support/ledger-seed';

const LEDGER_MIGRATION = '0014';
const PG_ADMIN_URL = process.env.ROLEGATE_BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDb {
  url: string;
  drop: () => Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const cleanups = new Set<() => Promise<void>>();
let trapped = false;
function trapSignals(): void {
  if (trapped) return;
  trapped = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([...cleanups].map((c) => c())).then(() => process.exit(130));
    });
  }
}

export async function createBenchDb(dialect: Dialect): Promise<BenchDb> {
  trapSignals();
  let url: string;
  let remove: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rolegate-ledger-bench-'));
    url = `file:${path.join(dir, 'ledger.db')}`;
    remove = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `rolegate_ledger_bench_${process.pid}`;
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${name}"`);
    // As an operator would for a migration building indexes over millions of rows (PostgreSQL's default is 64 MB).
    await admin(`ALTER DATABASE "${name}" SET maintenance_work_mem = '512MB'`);
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    remove = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const drop = async () => {
    cleanups.delete(drop);
    await remove();
  };
  cleanups.add(drop);
  await migrate(url, { migrationsDir: migrationsBefore(dialect, LEDGER_MIGRATION) });
  return { url, drop };
}

/** A temp copy of the dialect's migrations named before `first` (removed when the process exits). */
function migrationsBefore(dialect: Dialect, first: string): string {
  const from = path.join(import.meta.dirname, '../../../prisma/migrations', dialect);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rolegate-ledger-bench-migrations-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(from).filter((n) => n.endsWith('.sql') && n < first)) copyFileSync(path.join(from, name), path.join(dir, name));
  return dir;
}

export interface Filled {
  seedMs: number;
  /** Migration 0014 (and any later one) over the seeded ledger. */
  migrateMs: number;
}

/** Seeds in chunks (progress on stderr), migrates, then refreshes the planner's statistics as autovacuum would. */
export async function fillBenchDb(db: BenchDb, dialect: Dialect, rows: number): Promise<Filled> {
  const t0 = performance.now();
  const chunk = dialect === 'sqlite' ? 250_000 : 1_000_000;
  for (let from = 0; from < rows; from += chunk) {
    await seedLedger(db.url, Math.min(chunk, rows - from), from);
    process.stderr.write(`  ${dialect}: ${Math.min(from + chunk, rows).toLocaleString('en')} rows …\n`);
  }
  const t1 = performance.now();
  await migrate(db.url);
  const t2 = performance.now();
  if (dialect === 'postgresql') {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('VACUUM ANALYZE "AuditEvent"').finally(() => client.end());
  }
  return { seedMs: Math.round(t1 - t0), migrateMs: Math.round(t2 - t1) };
}

/** Size on disk of the ledger database (SQLite file + WAL, or the PostgreSQL database). */
export async function benchDbBytes(db: BenchDb, dialect: Dialect): Promise<number> {
  if (dialect === 'sqlite') {
    const file = db.url.slice('file:'.length);
    const size = (f: string) => {
      try {
        return statSync(f).size;
      } catch {
        return 0;
      }
    };
    return size(file) + size(`${file}-wal`);
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n');
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
