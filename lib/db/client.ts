/**
 * The database handle: one generated Prisma client per dialect (prisma/generate.ts), picked from the URL.
 * Only lib/db/repos queries through it; the rest of the app treats `Db` as an opaque handle it passes to
 * `createRepos()`. Schema changes come from prisma/migrate.ts, never from here.
 */
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { dialectOf, sqliteFilePath } from './dialect';
import { PrismaClient as PostgresqlClient } from './generated/postgresql/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';

/**
 * The query surface repos are written against: the SQLite client's type. The PostgreSQL client is a strict
 * superset of it (it only adds `mode: 'insensitive'`, field references in list filters and more isolation
 * levels), so every call that type-checks here is valid on both; lib/db/client-compat.ts proves the
 * superset per model at compile time and the repo tests run on both dialects.
 */
export type Db = SqliteClient;

export interface CreateDbOptions {
  /** PostgreSQL: a pooled connection failed while idle. The pool drops it and reconnects on next use. */
  onConnectionError?: (error: Error) => void;
}

// Per connection: foreign keys enforce the ON DELETE CASCADE of PortalSession; WAL lets readers run while
// a writer commits; busy_timeout makes a second process wait for the write lock instead of failing.
const SQLITE_PRAGMAS =
  'PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;';

class SqliteWithPragmas extends PrismaBetterSqlite3 {
  override async connect(): ReturnType<PrismaBetterSqlite3['connect']> {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  }
}

/**
 * How long a transaction may wait to start (for a pooled connection on PostgreSQL, the write lock on SQLite)
 * and then run. Prisma's defaults, 2 s and 5 s, turned a busy moment into INTERNAL errors on exactly the
 * transactional paths — a SAML sign-in's commit first (issue 14 §5: the bench's load phase, 7 of ~190 SAML
 * sign-ins as `acceptSamlSignIn: P2028 … Unable to start a transaction in the given time`) — while a plain
 * query simply waits its turn in the pool. A transaction now waits like a query does, within what a request
 * can afford.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  if (dialectOf(databaseUrl) === 'sqlite') {
    return new SqliteClient({
      adapter: new SqliteWithPragmas({ url: sqliteFilePath(databaseUrl) }),
      transactionOptions: TRANSACTION_OPTIONS,
    });
  }
  const onError = options.onConnectionError ?? ignoreIdleError;
  const client = new PostgresqlClient({
    adapter: new PrismaPg(
      { connectionString: databaseUrl },
      { onPoolError: onError, onConnectionError: onError },
    ),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  // Sound by the superset argument above; this is the one place the two client types meet.
  const db = client as unknown as Db;
  postgresClients.add(db);
  return db;
}

/** Prisma clients are not instances of their class (instanceof fails), so createDb remembers them. */
const postgresClients = new WeakSet<Db>();

/** PostgreSQL compares text case-sensitively where SQLite's LIKE does not: searches ask for `mode`. */
export function isPostgres(db: Db): boolean {
  return postgresClients.has(db);
}

export async function closeDb(db: Db): Promise<void> {
  await db.$disconnect();
}

/** Without a listener an idle-connection error would crash the process; the next query reports it. */
function ignoreIdleError(): void {}
