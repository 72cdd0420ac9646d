/**
 * Real databases for the integration tests: a temp-file SQLite database and a fresh PostgreSQL database
 * (`rolegate_test_<random>`) per suite, dropped afterwards. PostgreSQL being unreachable fails the run;
 * set ROLEGATE_TEST_SKIP_PG=1 to skip the PostgreSQL half deliberately.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { migrate } from '../../../prisma/migrate';
import { closeDb, createDb, type Db } from '../client';
import { dialectOf, sqliteFilePath, type Dialect } from '../dialect';
import { createRepos, type Repos } from '../repos';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgresql'];
const PG_ADMIN_URL =
  process.env.ROLEGATE_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SKIP_PG = process.env.ROLEGATE_TEST_SKIP_PG === '1';

export function skipReason(dialect: Dialect): string | false {
  return dialect === 'postgresql' && SKIP_PG ? 'ROLEGATE_TEST_SKIP_PG=1' : false;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await client.connect();
  } catch (cause) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL}; set ROLEGATE_TEST_SKIP_PG=1 to skip`,
      { cause },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database of the dialect; returns its DATABASE_URL. */
export async function createEmptyDatabase(dialect: Dialect): Promise<string> {
  if (dialect === 'sqlite') {
    return `file:${path.join(mkdtempSync(path.join(tmpdir(), 'rolegate-test-')), 'rolegate.db')}`;
  }
  const name = `rolegate_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  if (dialectOf(databaseUrl) === 'sqlite') {
    rmSync(path.dirname(sqliteFilePath(databaseUrl)), { recursive: true, force: true });
    return;
  }
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export interface TestDatabase {
  dialect: Dialect;
  url: string;
  db: Db;
  repos: Repos;
}

/**
 * Runs `suite` once per dialect against a freshly migrated database. `ctx()` returns it inside tests.
 */
export function describeEachDialect(
  title: string,
  suite: (ctx: () => TestDatabase, dialect: Dialect) => void,
): void {
  for (const dialect of DIALECTS) {
    describe(`${title} [${dialect}]`, { skip: skipReason(dialect) }, () => {
      let url: string | undefined;
      let current: TestDatabase | undefined;
      before(async () => {
        url = await createEmptyDatabase(dialect);
        await migrate(url);
        const db = createDb(url);
        current = { dialect, url, db, repos: createRepos(db) };
      });
      after(async () => {
        if (current) await closeDb(current.db);
        if (url) await dropDatabase(url);
      });
      suite(() => {
        if (!current) throw new Error('test database not ready');
        return current;
      }, dialect);
    });
  }
}
