/**
 * The load phase's database and its ledger check. Each run gets a fresh PostgreSQL database
 * (`rolegate_bench_<pid>`), dropped at the end, so every AuditEvent row in it is this run's. The check
 * joins rows to answers by request id (the X-Request-Id each issuance sent, kept in the row's detail):
 * every issuance answered with keys or a console link must have exactly one `issuance`/`ok` row, every
 * console link one `console`/`ok` row, and no such row may exist for a request that was not answered so.
 */
import pg from 'pg';
import { ensurePostgresDatabase } from '../demo/database';

export const BENCH_PG_SERVER = 'postgresql://postgres@127.0.0.1:5432';

export function benchDatabaseUrl(pid: number, server = BENCH_PG_SERVER): string {
  return `${server}/rolegate_bench_${pid}`;
}

/** Creates the run's database; refuses one that already exists (a previous run with this pid did not clean up). */
export async function createBenchDatabase(url: string): Promise<void> {
  const rows = await withClient(adminUrl(url), (c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [nameOf(url)]));
  if (rows.rowCount) await dropBenchDatabase(url);
  await ensurePostgresDatabase(url);
}

export async function dropBenchDatabase(url: string): Promise<void> {
  const name = nameOf(url);
  if (!/^rolegate_bench_\d+$/.test(name)) throw new Error(`refusing to drop ${name}: not a bench database`);
  await withClient(adminUrl(url), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

const nameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface LedgerRow {
  type: string;
  outcome: string;
  requestId: string | undefined;
}

export async function readLedger(url: string): Promise<LedgerRow[]> {
  const { rows } = await withClient(url, (c) => c.query<{ type: string; outcome: string; detail: string | null }>(`SELECT type, outcome, detail FROM "AuditEvent"`));
  return rows.map((r) => ({ type: r.type, outcome: r.outcome, requestId: requestIdOf(r.detail) }));
}

function requestIdOf(detail: string | null): string | undefined {
  if (!detail) return undefined;
  const parsed: unknown = JSON.parse(detail);
  const id = typeof parsed === 'object' && parsed !== null ? (parsed as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'string' ? id : undefined;
}

export interface LedgerCheck {
  /** Answers with keys or a console link, and `issuance`/`ok` rows. */
  issuances: number;
  issuanceRows: number;
  consoleLinks: number;
  consoleRows: number;
  /** Successful sign-ins and `signin`/`ok` rows (reported; a sign-in's last step can fail after its row). */
  signins: number;
  signinRows: number;
  /** Answered request ids without their row, with more than one, and rows for requests not answered so. */
  missing: string[];
  duplicated: string[];
  unanswered: string[];
  /** Issuance requests whose answer never came: the count cannot be exact while there are any. */
  unsettled: number;
  /** Rows == answers, joined one to one. */
  exact: boolean;
}

export interface Answered {
  issued: readonly string[];
  consoleLinks: readonly string[];
  unsettled: readonly string[];
  signins: number;
}

function tally(rows: readonly LedgerRow[], type: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.type === type && r.outcome === 'ok') counts.set(r.requestId ?? '(none)', (counts.get(r.requestId ?? '(none)') ?? 0) + 1);
  return counts;
}

/** One type's rows against the request ids answered for it. */
function join(counts: Map<string, number>, answered: readonly string[]) {
  const wanted = new Set(answered);
  return {
    rows: [...counts.values()].reduce((a, b) => a + b, 0),
    missing: answered.filter((id) => !counts.has(id)),
    duplicated: [...counts].filter(([id, n]) => wanted.has(id) && n > 1).map(([id]) => id),
    unanswered: [...counts.keys()].filter((id) => !wanted.has(id)),
  };
}

export function checkLedger(rows: readonly LedgerRow[], answered: Answered): LedgerCheck {
  const issuance = join(tally(rows, 'issuance'), answered.issued);
  const consoleJoin = join(tally(rows, 'console'), answered.consoleLinks);
  const missing = [...issuance.missing, ...consoleJoin.missing.map((id) => `${id} (console)`)];
  const duplicated = [...issuance.duplicated, ...consoleJoin.duplicated.map((id) => `${id} (console)`)];
  const unanswered = [...issuance.unanswered, ...consoleJoin.unanswered.map((id) => `${id} (console)`)];
  const signinRows = rows.filter((r) => r.type === 'signin' && r.outcome === 'ok').length;
  return {
    issuances: answered.issued.length,
    issuanceRows: issuance.rows,
    consoleLinks: answered.consoleLinks.length,
    consoleRows: consoleJoin.rows,
    signins: answered.signins,
    signinRows,
    missing,
    duplicated,
    unanswered,
    unsettled: answered.unsettled.length,
    exact: missing.length + duplicated.length + unanswered.length + answered.unsettled.length === 0 && issuance.rows === answered.issued.length && consoleJoin.rows === answered.consoleLinks.length,
  };
}
