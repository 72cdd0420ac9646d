/**
 * Applies the checked-in SQL migrations (prisma/migrations/<dialect>/*.sql) in name order, each in its own
 * transaction, and records them in `_rolegate_migrations`. Idempotent; refuses to run if an applied file
 * was edited or the database has a migration this build does not know. Prisma's schema engine is not
 * used (it cannot be downloaded here); the SQL is what `prisma migrate diff` produces for schema.prisma.
 *
 * CLI: `npm run migrate` (DATABASE_URL, default file:./data/rolegate.db).
 */
import path from 'node:path';
import { GatewayError, isGatewayError } from '../lib/core/errors';
import { dialectOf, sqliteFilePath } from '../lib/db/dialect';
import { readMigrations } from './migrator/files';
import { openPostgresqlTarget } from './migrator/postgresql';
import { openSqliteTarget } from './migrator/sqlite';
import type { MigrationFile, MigrationTarget } from './migrator/types';

export const DEFAULT_DATABASE_URL = 'file:./data/rolegate.db';

export interface MigrateOptions {
  /** Defaults to prisma/migrations/<dialect>. */
  migrationsDir?: string;
}

export async function migrate(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const dialect = dialectOf(databaseUrl);
  const dir = options.migrationsDir ?? path.join(import.meta.dirname, 'migrations', dialect);
  try {
    const files = readMigrations(dir);
    const target =
      dialect === 'sqlite'
        ? openSqliteTarget(sqliteFilePath(databaseUrl))
        : await openPostgresqlTarget(databaseUrl);
    try {
      return { applied: await applyPending(target, files) };
    } finally {
      await target.close();
    }
  } catch (e) {
    // Filesystem and driver errors (unreadable dir, lost connection) become typed errors too.
    throw isGatewayError(e)
      ? e
      : new GatewayError('DB_MIGRATION_FAILED', `migrate: ${messageOf(e)}`, { cause: e });
  }
}

async function applyPending(
  target: MigrationTarget,
  files: readonly MigrationFile[],
): Promise<string[]> {
  // Check everything already applied before applying anything new.
  await target.inLockedTransaction(async (tx) => verifyRecorded(await tx.recorded(), files));
  const applied: string[] = [];
  for (const file of files) {
    const didApply = await target.inLockedTransaction(async (tx) => {
      // Re-read under the lock: another instance may have applied this file meanwhile.
      const recorded = await tx.recorded();
      verifyRecorded(recorded, files);
      if (recorded.has(file.name)) return false;
      await tx.run(file.sql).catch((cause: unknown) => {
        throw new GatewayError(
          'DB_MIGRATION_FAILED',
          `migration ${file.name} failed: ${messageOf(cause)}`,
          { cause },
        );
      });
      await tx.record(file.name, file.checksum);
      return true;
    });
    if (didApply) applied.push(file.name);
  }
  return applied;
}

function verifyRecorded(
  recorded: ReadonlyMap<string, string>,
  files: readonly MigrationFile[],
): void {
  for (const [name, checksum] of recorded) {
    const file = files.find((f) => f.name === name);
    if (!file) {
      throw new GatewayError(
        'DB_MIGRATION_FAILED',
        `the database has migration ${name}, which this build does not have (is it older than the database?)`,
      );
    }
    if (file.checksum !== checksum) {
      throw new GatewayError(
        'DB_MIGRATION_FAILED',
        `migration ${name} was changed after it was applied (recorded sha256 ${checksum}, file ${file.checksum}); ` +
          'add a new migration instead of editing an applied one',
      );
    }
  }
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
