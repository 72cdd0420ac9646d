/** One dialect's side of prisma/migrate.ts: a connection that can run a locked transaction. */

export interface MigrationFile {
  /** File name, e.g. `0001_init.sql`; the order of application is the sort order of names. */
  name: string;
  sql: string;
  /** sha256 (hex) of the SQL with line endings normalised to LF. */
  checksum: string;
}

export interface MigrationTx {
  /** name → checksum of every migration recorded as applied. */
  recorded(): Promise<Map<string, string>>;
  run(sql: string): Promise<void>;
  record(name: string, checksum: string): Promise<void>;
}

export interface MigrationTarget {
  /**
   * Runs `fn` in one transaction that holds the migration lock (so two instances starting at once take
   * turns) and in which the `_rolegate_migrations` table exists. Commits if `fn` resolves, else rolls back.
   */
  inLockedTransaction<T>(fn: (tx: MigrationTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const MIGRATIONS_TABLE = '_rolegate_migrations';
