/**
 * The demo's database (issue 14 §3): DATABASE_URL when set (either dialect); `--postgres` without it is a
 * `rolegate_demo` database on the local PostgreSQL (created when missing); otherwise the SQLite file in
 * the demo's data directory.
 */
import pg from 'pg';
import { dialectOf } from '../../../lib/db/dialect';

export const DEMO_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/rolegate_demo';

export function demoDatabaseUrl(argv: readonly string[], env: { DATABASE_URL?: string }): string | undefined {
  const fromEnv = env.DATABASE_URL?.trim() || undefined;
  if (argv.includes('--postgres')) {
    if (fromEnv !== undefined && dialectOf(fromEnv) !== 'postgresql') throw new Error(`--postgres: DATABASE_URL is not a PostgreSQL URL (${dialectOf(fromEnv)})`);
    return fromEnv ?? DEMO_POSTGRES_URL;
  }
  return fromEnv;
}

/** Creates the URL's database when it does not exist (connecting to the server's `postgres` database). */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]{1,63}$/.test(name)) throw new Error(`unexpected database name in DATABASE_URL: ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
