/**
 * The ledger's text search (issue 15 §3): a case-insensitive substring of 3 or more characters of the
 * email, user id, subject, role ARN, session name, STS request id, code or IP, matched literally (`%`, `_`
 * and `\` are plain characters), found through a trigram index rather than by reading the ledger:
 * 1. the newest rows of the page first (index order, a bounded window): a common term fills the page
 *    there, and is never looked up in the trigram index, where it would be most of the ledger;
 * 2. otherwise the trigram index — SQLite FTS5, PostgreSQL pg_trgm (GIN) — asked only for the term's
 *    rarest trigrams, chosen by how often each occurs in the newest rows (an index reads the whole list
 *    of every trigram it is given, and the trigrams of `@acme.test` are in every row), then the exact
 *    match on its candidates.
 * Shorter searches are refused: trigrams need 3 characters, and 1 or 2 match most of any ledger.
 */
import { GatewayError } from '../../core/errors';
import type { Dialect } from '../dialect';
import type { Db } from '../client';
import type { AuditEvent as AuditRow } from '../generated/sqlite/client';
import type { AuditCursor, AuditFilter } from './audit-query';
import { pgTrigramForm, trigramCountsSql, trigramSearchSql, windowSearchSql } from './audit-sql';
import { SEARCH_MIN_CHARS } from './audit-types';

/** Rows read in index order before the trigram index is asked (a few milliseconds). */
export const SEARCH_WINDOW = 2_000;
/** How many of the term's trigrams the index is given (it reads each one's whole posting list). */
const RARE_GRAMS = 3;
/** The newest rows of the page in which each trigram's frequency is estimated. */
const COUNT_SAMPLE = 500;

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

/** A trigram of the search: as counted in the lower-cased text, and as the dialect's index holds it. */
export interface IndexTrigram {
  look: string;
  index: string;
}

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The trigrams of `text` the dialect's index can look up: SQLite's FTS5 any 3 characters; PostgreSQL's
 * pg_trgm only letters and digits, in the form its index holds (punctuation turned into letters).
 */
export function indexTrigrams(dialect: Dialect, text: string): IndexTrigram[] {
  const out = new Map<string, IndexTrigram>();
  for (const g of trigrams(text)) {
    const index = dialect === 'sqlite' ? g : pgTrigramForm(g);
    if (dialect === 'postgresql' && !/^[a-z0-9]{3}$/.test(index)) continue;
    if (!out.has(index)) out.set(index, { look: dialect === 'sqlite' ? asciiLower(g) : g.toLowerCase(), index });
  }
  return [...out.values()];
}

/** The `count` trigrams seen in the fewest of the newest rows of the page (ties: first in the term). */
async function rarest(db: Db, dialect: Dialect, filter: AuditFilter, cursor: AuditCursor | undefined, grams: IndexTrigram[], count: number): Promise<string[]> {
  if (grams.length <= count) return grams.map((g) => g.index);
  const looks = grams.map((g) => g.look);
  const [row] = await db.$queryRaw<Record<string, bigint | number | null>[]>(trigramCountsSql(dialect, filter, cursor, looks, COUNT_SAMPLE));
  const seen = (i: number) => Number(row?.[`g${i}`] ?? 0);
  return grams
    .map((g, i) => ({ g: g.index, n: seen(i), i }))
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
  const grams = await rarest(db, dialect, rest, cursor, indexTrigrams(dialect, text), RARE_GRAMS);
  return db.$queryRaw<AuditRow[]>(trigramSearchSql(dialect, rest, cursor, take, text, grams));
}
