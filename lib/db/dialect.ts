/**
 * Which SQL dialect a DATABASE_URL names. Shared by the client factory and prisma/migrate.ts so both agree.
 * Error messages never echo the URL: a PostgreSQL URL may carry a password.
 */
import { GatewayError } from '../core/errors';

export type Dialect = 'sqlite' | 'postgresql';

export function dialectOf(databaseUrl: string): Dialect {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://'))
    return 'postgresql';
  throw new GatewayError(
    'CONFIG_INVALID',
    'DATABASE_URL must start with file: (SQLite), postgres:// or postgresql:// (PostgreSQL)',
  );
}

/** `file:./data/rolegate.db` → `./data/rolegate.db` (relative to the working directory, as Prisma reads it). */
export function sqliteFilePath(databaseUrl: string): string {
  if (dialectOf(databaseUrl) !== 'sqlite') {
    throw new GatewayError('CONFIG_INVALID', 'not a SQLite DATABASE_URL');
  }
  const path = databaseUrl.slice('file:'.length);
  // Query parameters (`?connection_limit=1`, `?mode=ro`) would silently become part of the file name.
  if (path === '' || path.includes('?')) {
    throw new GatewayError(
      'CONFIG_INVALID',
      'a SQLite DATABASE_URL must be file:<path> without parameters',
    );
  }
  return path;
}
