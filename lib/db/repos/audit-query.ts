/**
 * Reading the audit ledger: filters, a text search and keyset pagination (newest first, ties broken by
 * id, so a page boundary never skips or repeats a row that shares its time with the next), each page one
 * indexed query (audit-sql.ts; issue 15 §3). Plus the one delete path the ledger has: the retention
 * sweep, which removes only rows older than the cutoff (the database's own triggers refuse anything
 * younger than 30 days, whatever the caller asks).
 */
import { isPostgres, type Db } from '../client';
import type { AuditEvent as AuditRow } from '../generated/sqlite/client';
import { dbCall } from './db-call';
import type { AuditOutcome, AuditType } from './audit-types';
import { pageSql } from './audit-sql';
import { searchAuditRows } from './audit-text-search';

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
  /** Substring (3 or more characters, matched literally, any case) of email, user id, subject, role ARN, session name, STS request id, code or IP. */
  text?: string;
}

/** Newest first, at most `take` rows of `filter` older than `cursor`. */
export function findAuditRows(db: Db, filter: AuditFilter, cursor: AuditCursor | undefined, take: number): Promise<AuditRow[]> {
  const dialect = isPostgres(db) ? 'postgresql' : 'sqlite';
  const { text } = filter;
  if (text !== undefined) return searchAuditRows(db, dialect, { ...filter, text }, cursor, take);
  return db.$queryRaw<AuditRow[]>(pageSql(filter, cursor, take));
}

/** Deletes rows strictly older than `cutoff`; returns how many. The ledger's only delete. */
export async function purgeAuditOlderThan(db: Db, cutoff: Date): Promise<number> {
  const { count } = await dbCall('purgeAudit', () => db.auditEvent.deleteMany({ where: { at: { lt: cutoff } } }));
  return count;
}
