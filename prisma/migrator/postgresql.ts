/** PostgreSQL migration target (pg, no Prisma). A transaction-scoped advisory lock is the migration lock. */
import pg from 'pg';
import { GatewayError } from '../../lib/core/errors';
import { MIGRATIONS_TABLE, type MigrationTarget, type MigrationTx } from './types';

// Any constant shared by all Rolegate instances: the first 8 bytes of sha256('rolegate migrations').
const LOCK_KEY = '7305861192941303422';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
  "name" TEXT NOT NULL PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "applied_at" TIMESTAMPTZ NOT NULL
)`;

export async function openPostgresqlTarget(connectionString: string): Promise<MigrationTarget> {
  const client = new pg.Client({ connectionString });
  // A connection dropped between queries must reject the next query, not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (cause) {
    throw new GatewayError('DB_UNAVAILABLE', 'cannot connect to PostgreSQL', { cause });
  }
  const tx: MigrationTx = {
    recorded: async () => {
      const { rows } = await client.query<{ name: string; checksum: string }>(
        `SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`,
      );
      return new Map(rows.map((r) => [r.name, r.checksum]));
    },
    run: async (sql) => {
      await client.query(sql);
    },
    record: async (name, checksum) => {
      await client.query(
        `INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "applied_at") VALUES ($1, $2, now())`,
        [name, checksum],
      );
    },
  };
  return {
    async inLockedTransaction(fn) {
      await client.query('BEGIN');
      try {
        // Held until COMMIT/ROLLBACK: a second instance blocks here until the first has finished its step.
        await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [LOCK_KEY]);
        await client.query(CREATE_TABLE);
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    close: () => client.end(),
  };
}
