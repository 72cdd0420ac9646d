/** Issue 14 §3: `npm run demo` honours DATABASE_URL, and `--postgres` runs it on the local PostgreSQL. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';
import { DEMO_POSTGRES_URL, demoDatabaseUrl, ensurePostgresDatabase } from './database';

test('issue 14 §3: the demo database: DATABASE_URL when set, --postgres the local rolegate_demo, else SQLite', () => {
  assert.equal(demoDatabaseUrl([], {}), undefined);
  assert.equal(demoDatabaseUrl([], { DATABASE_URL: 'file:/tmp/x.db' }), 'file:/tmp/x.db');
  assert.equal(demoDatabaseUrl(['--postgres'], {}), DEMO_POSTGRES_URL);
  assert.equal(demoDatabaseUrl(['--no-build', '--postgres'], { DATABASE_URL: 'postgresql://u@db:5432/r' }), 'postgresql://u@db:5432/r');
  assert.throws(() => demoDatabaseUrl(['--postgres'], { DATABASE_URL: 'file:/tmp/x.db' }), /not a PostgreSQL URL/);
});

test('issue 14 §3: --postgres creates its database when missing, and leaves an existing one alone', async () => {
  const name = `rolegate_demo_test_${randomBytes(4).toString('hex')}`;
  const url = `postgresql://postgres@127.0.0.1:5432/${name}`;
  const admin = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    await ensurePostgresDatabase(url);
    await ensurePostgresDatabase(url);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    assert.equal(rowCount, 1);
    await assert.rejects(ensurePostgresDatabase('postgresql://postgres@127.0.0.1:5432/bad%22name'), /unexpected database name/);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});
