/** SQLite migration target (better-sqlite3, no Prisma). `BEGIN IMMEDIATE` is the migration lock. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_TABLE, type MigrationTarget, type MigrationTx } from './types';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
  "name" TEXT NOT NULL PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "applied_at" TEXT NOT NULL
)`;

// better-sqlite3 blocks the thread while it waits for a lock, so two migrate() calls in one process must
// take turns here: otherwise the second would block the first it is waiting for. Keyed by file.
const inProcess = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = inProcess.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.catch(() => undefined);
  inProcess.set(key, settled);
  void settled.then(() => {
    if (inProcess.get(key) === settled) inProcess.delete(key);
  });
  return run;
}

export function openSqliteTarget(file: string): MigrationTarget {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  // WAL is a property of the database file; set it once here, before any transaction.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 30000'); // a long migration in another process may hold the lock
  db.pragma('foreign_keys = ON');
  const tx: MigrationTx = {
    recorded: async () => {
      const rows = db.prepare(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`).all() as {
        name: string;
        checksum: string;
      }[];
      return new Map(rows.map((r) => [r.name, r.checksum]));
    },
    run: async (sql) => {
      db.exec(sql);
    },
    record: async (name, checksum) => {
      db.prepare(
        `INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "applied_at") VALUES (?, ?, ?)`,
      ).run(name, checksum, new Date().toISOString());
    },
  };
  return {
    inLockedTransaction: (fn) =>
      serialised(path.resolve(file), async () => {
        // IMMEDIATE takes the write lock up front: another process waits (busy_timeout) instead of racing.
        db.exec('BEGIN IMMEDIATE');
        try {
          db.exec(CREATE_TABLE);
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      }),
    close: async () => {
      db.close();
    },
  };
}
