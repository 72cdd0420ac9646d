/**
 * The ledger's text search (issue 15 §3): a case-insensitive substring of 3 or more characters of the
 * email, user id, subject, role ARN, session name, STS request id, code or IP, matched literally (`%`, `_`
 * and `\` are plain characters), found through a trigram index rather than by reading the ledger:
 * 1. the newest rows of the page first (index order, a bounded window): a common term fills the page
 *    there, and is never looked up in the trigram index, where it would be most of the ledger;
 * 2. otherwise the trigram index — SQLite FTS5 (only the term's rarest trigrams, chosen by how often each
 *    occurs in that same window), PostgreSQL pg_trgm (GIN) — and the exact match on its candidates.
 * Shorter searches are refused: trigrams need 3 characters, and 1 or 2 match most of any ledger.
 */
import { GatewayError } from '../../core/errors';
import type { Dialect } from '../dialect';
import type { Db } from '../client';
import type { AuditEvent as AuditRow } from '../generated/sqlite/client';
import type { AuditCursor, AuditFilter } from './audit-query';
import { trigramCountsSql, trigramSearchSql, windowSearchSql } from './audit-sql';
import { SEARCH_MIN_CHARS } from './audit-types';

/** Rows read in index order before the trigram index is asked (a few milliseconds). */
export const SEARCH_WINDOW = 2_000;
/** SQLite: how many of the term's trigrams FTS5 is given (each one's whole posting list is read). */
const RARE_GRAMS = 3;

/** The distinct 3-character substrings of `text`, in characters (code points), as the trigram tokenizer counts. */
export function trigrams(text: string): string[] {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return [...out];
}

export function assertSearchable(text: string): void {
  if ([...text].length < SEARCH_MIN_CHARS) {
    throw new GatewayError('BAD_REQUEST', 'audit search shorter than 3 characters', {
      publicDetail: `q: a search needs at least ${SEARCH_MIN_CHARS} characters`,
    });
  }
}

/** The `count` trigrams seen in the fewest of the newest rows of the page (ties: first in the term). */
async function rarest(db: Db, filter: AuditFilter, cursor: AuditCursor | undefined, grams: string[], count: number): Promise<string[]> {
  if (grams.length <= count) return grams;
  const [row] = await db.$queryRaw<Record<string, bigint | number | null>[]>(trigramCountsSql(filter, cursor, grams, SEARCH_WINDOW));
  const seen = (i: number) => Number(row?.[`g${i}`] ?? 0);
  return grams
    .map((g, i) => ({ g, n: seen(i), i }))
    .sort((a, b) => a.n - b.n || a.i - b.i)
    .slice(0, count)
    .map((x) => x.g);
}

/** Newest first, at most `take`, rows matching `text` and the other filters, older than `cursor`. */
export async function searchAuditRows(db: Db, dialect: Dialect, filter: AuditFilter & { text: string }, cursor: AuditCursor | undefined, take: number): Promise<AuditRow[]> {
  const { text, ...rest } = filter;
  assertSearchable(text);
  const recent = await db.$queryRaw<AuditRow[]>(windowSearchSql(dialect, rest, cursor, take, text, SEARCH_WINDOW));
  if (recent.length >= take) return recent;
  const grams = dialect === 'sqlite' ? await rarest(db, rest, cursor, trigrams(text), RARE_GRAMS) : [];
  return db.$queryRaw<AuditRow[]>(trigramSearchSql(dialect, rest, cursor, take, text, grams));
}
