/**
 * Issue 14 §5: PostgreSQL ending a connection under a query — a failover, a restart, an administrator's
 * pg_terminate_backend (SQLSTATE 57P01) — reaches callers as DB_UNAVAILABLE, not INTERNAL, and the pool
 * serves the next call on a new connection. (A socket that just closes is tested through a cut proxy in
 * lib/server/faults.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { migrate } from '../../prisma/migrate';
import { GatewayError } from '../core/errors';
import { closeDb, createDb } from './client';
import { createRepos } from './repos';
import { createEmptyDatabase, dropDatabase, skipReason } from './test-support/databases';

describe('a PostgreSQL connection ended by the server [postgresql]', { skip: skipReason('postgresql') }, () => {
  it('is DB_UNAVAILABLE for the query it ran, and the next query is served', async (t) => {
    const url = await createEmptyDatabase('postgresql');
    await migrate(url);
    const db = createDb(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    t.after(async () => {
      await admin.end().catch(() => undefined);
      await closeDb(db);
      await dropDatabase(url);
    });
    const { settings } = createRepos(db);
    await settings.getLockdown();
    // Hold the table so the app's query is running (waiting) when its backend is terminated.
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE "Setting" IN ACCESS EXCLUSIVE MODE');
    // Settled into a value at once: its rejection must not count as unhandled while the loop below runs.
    const running = settings.getLockdown().then(() => undefined, (e: unknown) => e);
    const name = new URL(url).pathname.slice(1);
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query(`SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`, [name]);
      if (rows.length > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const err = await running;
    assert.ok(err instanceof GatewayError && err.code === 'DB_UNAVAILABLE', String(err));
    assert.match(`${err.message} ${String(err.cause)}`, /57P01|P2039/);
    await admin.query('ROLLBACK');
    assert.deepEqual(await settings.getLockdown(), { enabled: false });
  });
});
