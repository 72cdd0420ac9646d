/** The audit ledger's domain types: what may be written and what is read back. */
import type { AuditOutcome, AuditRecord, AuditType } from '../../core/issuance/audit-event';
import type { AuditDetail } from './audit-detail';
import type { AuditCursor, AuditFilter } from './audit-query';

export type { AuditDetail, JsonValue } from './audit-detail';
export type { AuditCursor, AuditFilter } from './audit-query';
export type { AuditOutcome, AuditType } from '../../core/issuance/audit-event';

/**
 * What may be recorded: the core's AuditRecord (which deliberately has no field for credentials, tokens,
 * assertions or URLs), plus an optional time and JSON detail.
 */
export interface AuditEventInput extends Omit<AuditRecord, 'detail'> {
  /** Defaults to now. */
  at?: Date;
  detail?: AuditDetail | null;
}

/** A stored audit event: the recorded fields, plus its id and time. */
export interface AuditEventRecord extends Omit<AuditRecord, 'detail'> {
  id: string;
  at: Date;
  detail?: AuditDetail;
}

/** The shortest text search (trigram indexes need 3 characters; 1 or 2 match most of any ledger). */
export const SEARCH_MIN_CHARS = 3;

/** The most rows one listAudit call returns (a larger `limit` is clamped to it). */
export const AUDIT_LIST_MAX = 500;

export interface AuditQuery extends AuditFilter {
  /** 1–AUDIT_LIST_MAX */
  limit: number;
  /** Only events strictly before this instant (kept for callers that page by time alone). */
  before?: Date;
  /** Keyset pagination: the (at, id) of the last row of the previous page. */
  cursor?: AuditCursor;
}

export const AUDIT_TYPES = [
  'signin',
  'signout',
  'issuance',
  'console',
  'denial',
  'device',
  'cli',
  'admin',
  'grant',
  'revocation',
  'lockdown',
] as const satisfies readonly AuditType[];
export const AUDIT_OUTCOMES = ['ok', 'failed', 'denied'] as const satisfies readonly AuditOutcome[];
const TYPES: readonly string[] = AUDIT_TYPES;
const OUTCOMES: readonly string[] = AUDIT_OUTCOMES;
export const isAuditType = (v: string): v is AuditType => TYPES.includes(v);
export const isAuditOutcome = (v: string): v is AuditOutcome => OUTCOMES.includes(v);
