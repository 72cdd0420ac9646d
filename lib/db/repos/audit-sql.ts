/**
 * The ledger's read queries as SQL (issue 15 §3), one builder per shape, for both dialects. Written out
 * (Prisma's public `$queryRaw` with `Prisma.sql`) because the keyset needs a row-value predicate,
 * `("at", "id") < (?, ?)`, which Prisma's query API cannot express: its `at < ? OR (at = ? AND id < ?)`
 * defeats the index (SQLite: a multi-index OR plus a temp B-tree, 232 ms a page at 100,000 rows).
 * Every page is `WHERE <filter> AND ("at", "id") < cursor ORDER BY "at" DESC, "id" DESC LIMIT n`, which the
 * (at, id) index and each filter's (<filter>, at, id) index (migration 0014) answer without sorting.
 */
import { Prisma } from '../generated/sqlite/client';
import type { Dialect } from '../dialect';
import type { AuditCursor, AuditFilter } from './audit-query';

type Sql = Prisma.Sql;

/** The searched columns, in the order of the search indexes (migration 0014). */
export const SEARCHED = ['email', 'userId', 'subject', 'roleArn', 'sessionName', 'requestId', 'code', 'ip'] as const;

const COLUMNS = Prisma.raw(
  ['id', 'at', 'type', 'outcome', 'userId', 'subject', 'email', 'idpId', 'roleArn', 'sessionName', 'requestId', 'code', 'ip', 'userAgent', 'expiresAt', 'detail', 'emailVerified']
    .map((c) => `"AuditEvent"."${c}"`)
    .join(', '),
);
const ORDER = Prisma.raw('ORDER BY "at" DESC, "id" DESC');

/** The searched columns as one text, joined by U+001F, which no search can contain (control characters are refused). */
function searchedText(dialect: Dialect): Sql {
  const sep = dialect === 'postgresql' ? `E'\\x1f'` : 'char(31)';
  return Prisma.raw(`(${SEARCHED.map((c) => `coalesce("${c}", '')`).join(` || ${sep} || `)})`);
}

// pg_trgm makes trigrams of letters and digits only, so `acme_test` would be looked up as `acme` and `test`
// (every row). Its index is over the text with punctuation turned into letters, so punctuation counts as in
// SQLite's trigram tokenizer. A prefilter only: the exact match is always checked on the real text.
const PG_PUNCTUATION = '@._-:/+=, ';
const PG_LETTERS = 'qxzjkvwyhp';

/** The expression of PostgreSQL's trigram index (migration 0014 spells it identically). */
export function pgTrigramText(): Sql {
  return Prisma.sql`translate(${searchedText('postgresql')}, ${Prisma.raw(`'${PG_PUNCTUATION}'`)}, ${Prisma.raw(`'${PG_LETTERS}'`)})`;
}

/** `needle` as a LIKE pattern matching it anywhere, its `%`, `_` and `\` literal (escape character `\`). */
export function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** PostgreSQL: `text` as its trigram index sees it (punctuation turned into letters, lower case). */
export const pgTrigramForm = (text: string) => [...text.toLowerCase()].map((c) => PG_LETTERS[PG_PUNCTUATION.indexOf(c)] ?? c).join('');

/**
 * The exact, case-insensitive, literal substring match: SQLite's LIKE (it folds ASCII case) with the
 * needle's `%`, `_` and `\` escaped; PostgreSQL's strpos over lower() (no pattern at all, and several times
 * cheaper than ILIKE).
 */
export function textMatches(dialect: Dialect, needle: string): Sql {
  if (dialect === 'postgresql') return Prisma.sql`strpos(lower(${searchedText(dialect)}), lower(${needle})) > 0`;
  return Prisma.sql`${searchedText(dialect)} LIKE ${containsPattern(needle)} ESCAPE '\\'`;
}

/** The filters (without the text search) and the keyset, as ANDed conditions. */
export function conditions(filter: AuditFilter, cursor: AuditCursor | undefined): Sql[] {
  const and: Sql[] = [];
  if (filter.type) and.push(Prisma.sql`"type" = ${filter.type}`);
  if (filter.outcome) and.push(Prisma.sql`"outcome" = ${filter.outcome}`);
  if (filter.idpId) and.push(Prisma.sql`"idpId" = ${filter.idpId}`);
  if (filter.roleArn) and.push(Prisma.sql`"roleArn" = ${filter.roleArn}`);
  if (filter.userId) and.push(Prisma.sql`"userId" = ${filter.userId}`);
  if (filter.from) and.push(Prisma.sql`"at" >= ${filter.from}`);
  if (filter.to) and.push(Prisma.sql`"at" < ${filter.to}`);
  if (cursor) and.push(Prisma.sql`("at", "id") < (${cursor.at}, ${cursor.id})`);
  return and;
}

const where = (and: Sql[]) => (and.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join(and, ' AND ')}`);

/** One page, newest first: an index range scan in index order, no sort. */
export function pageSql(filter: AuditFilter, cursor: AuditCursor | undefined, take: number): Sql {
  return Prisma.sql`SELECT ${COLUMNS} FROM "AuditEvent" ${where(conditions(filter, cursor))} ${ORDER} LIMIT ${take}`;
}

/**
 * A search among the newest `window` rows of the page (index order, no sort): when it fills the page,
 * those are the page — a common term is answered without the trigram index, whose candidates would be
 * most of the ledger.
 */
export function windowSearchSql(dialect: Dialect, filter: AuditFilter, cursor: AuditCursor | undefined, take: number, needle: string, window: number): Sql {
  const recent = Prisma.sql`SELECT ${COLUMNS} FROM "AuditEvent" ${where(conditions(filter, cursor))} ${ORDER} LIMIT ${window}`;
  return Prisma.sql`SELECT * FROM (${recent}) AS "AuditEvent" WHERE ${textMatches(dialect, needle)} ${ORDER} LIMIT ${take}`;
}

/**
 * A search through the trigram index: the rows holding every one of `grams` (a few of the term's
 * trigrams, the rarest; SQLite: in its own characters, PostgreSQL: in pgTrigramForm, letters and digits
 * only) are checked with the exact match, filtered and sorted. PostgreSQL with no usable trigram looks the
 * whole term up in pg_trgm instead.
 */
export function trigramSearchSql(dialect: Dialect, filter: AuditFilter, cursor: AuditCursor | undefined, take: number, needle: string, grams: readonly string[]): Sql {
  const exact = textMatches(dialect, needle);
  const candidates: Sql[] =
    dialect === 'sqlite'
      ? [Prisma.sql`"AuditEvent".rowid IN (SELECT rowid FROM "AuditEventSearch" WHERE "AuditEventSearch" MATCH ${ftsAll(grams)})`]
      : (grams.length > 0 ? grams : [pgTrigramForm(needle)]).map((g) => Prisma.sql`${pgTrigramText()} ILIKE ${containsPattern(g)}`);
  return Prisma.sql`SELECT ${COLUMNS} FROM "AuditEvent" ${where([...candidates, exact, ...conditions(filter, cursor)])} ${ORDER} LIMIT ${take}`;
}

/** An FTS5 query: every trigram, each as a quoted string (its `"` doubled). */
function ftsAll(grams: readonly string[]): string {
  return grams.map((g) => `"${g.replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * In how many of the newest `window` rows of the page each of `looks` occurs in the lower-cased searched
 * text (lower() folds what the exact match folds: ASCII in SQLite) — so the search asks the trigram index
 * only for the rarest: an index reads the whole list of every trigram it is given, and `@acme.test`'s are
 * in every row.
 */
export function trigramCountsSql(dialect: Dialect, filter: AuditFilter, cursor: AuditCursor | undefined, looks: readonly string[], window: number): Sql {
  const recent = Prisma.sql`SELECT lower(${searchedText(dialect)}) AS "t" FROM "AuditEvent" ${where(conditions(filter, cursor))} ${ORDER} LIMIT ${window}`;
  const counts = looks.map((g, i) =>
    dialect === 'sqlite'
      ? Prisma.sql`sum(instr("t", ${g}) > 0) AS ${Prisma.raw(`"g${i}"`)}`
      : Prisma.sql`sum((strpos("t", ${g}) > 0)::int) AS ${Prisma.raw(`"g${i}"`)}`,
  );
  return Prisma.sql`SELECT ${Prisma.join(counts, ', ')} FROM (${recent}) AS "w"`;
}
