/** Raw SQL against a test database, bypassing Prisma and the repos (to set up states repos cannot). */
import Database from 'better-sqlite3';
import pg from 'pg';
import { dialectOf, sqliteFilePath } from '../dialect';

export type SqlValue = string | number | null;

/** Runs one statement; `$1, $2 …` placeholders on both dialects (each used once, in order). */
export async function runSql(
  url: string,
  sql: string,
  params: SqlValue[] = [],
): Promise<Record<string, unknown>[]> {
  if (dialectOf(url) === 'postgresql') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<Record<string, unknown>>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqliteFilePath(url));
  try {
    const stmt = db.prepare(sql.replace(/\$\d+/g, '?'));
    if (!stmt.reader) {
      stmt.run(...params);
      return [];
    }
    return stmt.all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}
