/**
 * Reading the audit ledger: filters, a text search and keyset pagination (newest first, ties broken by
 * id, so a page boundary never skips or repeats a row that shares its time with the next). Plus the one
 * delete path the ledger has: the retention sweep, which removes only rows older than the cutoff (the
 * database's own triggers refuse anything younger than 30 days, whatever the caller asks).
 */
import { isPostgres, type Db } from '../client';
import { dbCall } from './db-call';
import type { AuditOutcome, AuditType } from './audit-types';

export interface AuditCursor {
  at: Date;
  id: string;
}

export interface AuditFilter {
  type?: AuditType;
  outcome?: AuditOutcome;
  idpId?: string;
  roleArn?: string;
  userId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  /** Substring of email, user id, subject, role ARN, session name, STS request id, code or IP. */
  text?: string;
}

const SEARCHED = ['email', 'userId', 'subject', 'roleArn', 'sessionName', 'requestId', 'code', 'ip'] as const;

function textWhere(db: Db, text: string) {
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE (`mode: 'insensitive'`).
  const match = isPostgres(db) ? { contains: text, mode: 'insensitive' } : { contains: text };
  return { OR: SEARCHED.map((field) => ({ [field]: match })) };
}

export function auditWhere(db: Db, filter: AuditFilter, cursor?: AuditCursor) {
  const and: object[] = [];
  if (filter.type) and.push({ type: filter.type });
  if (filter.outcome) and.push({ outcome: filter.outcome });
  if (filter.idpId) and.push({ idpId: filter.idpId });
  if (filter.roleArn) and.push({ roleArn: filter.roleArn });
  if (filter.userId) and.push({ userId: filter.userId });
  if (filter.from) and.push({ at: { gte: filter.from } });
  if (filter.to) and.push({ at: { lt: filter.to } });
  if (filter.text) and.push(textWhere(db, filter.text));
  if (cursor) and.push({ OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] });
  return { AND: and };
}

const BATCH = 500;

/** The row fields the text search reads. */
type Searchable = Record<(typeof SEARCHED)[number], string | null>;

/**
 * Newest first, at most `take`. Prisma does not escape LIKE's `%` and `_` in `contains`, so a search
 * holding one over-matches in the database; those rows are re-checked here for the literal substring
 * (case-insensitively), reading further batches until the page is full.
 */
export async function findAuditRows<R extends Searchable & { at: Date; id: string }>(
  db: Db,
  filter: AuditFilter,
  cursor: AuditCursor | undefined,
  take: number,
  find: (where: ReturnType<typeof auditWhere>, take: number) => Promise<R[]>,
): Promise<R[]> {
  const text = filter.text?.toLowerCase();
  if (text === undefined || !/[%_]/.test(text)) return find(auditWhere(db, filter, cursor), take);
  const out: R[] = [];
  let next = cursor;
  for (;;) {
    const batch = await find(auditWhere(db, filter, next), BATCH);
    out.push(...batch.filter((row) => SEARCHED.some((f) => row[f]?.toLowerCase().includes(text))));
    if (out.length >= take || batch.length < BATCH) return out.slice(0, take);
    const last = batch.at(-1);
    if (!last) return out;
    next = { at: last.at, id: last.id };
  }
}

/** Deletes rows strictly older than `cutoff`; returns how many. The ledger's only delete. */
export async function purgeAuditOlderThan(db: Db, cutoff: Date): Promise<number> {
  const { count } = await dbCall('purgeAudit', () => db.auditEvent.deleteMany({ where: { at: { lt: cutoff } } }));
  return count;
}
