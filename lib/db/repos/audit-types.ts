/** The audit ledger's domain types: what may be written and what is read back. */
import type { AuditDetail } from './audit-detail';

export type { AuditDetail, JsonValue } from './audit-detail';
export type AuditType = 'signin' | 'signout' | 'issuance' | 'console' | 'denial';
export type AuditOutcome = 'ok' | 'failed' | 'denied';

/** What may be recorded. There is deliberately no field for credentials, tokens, assertions or URLs. */
export interface AuditEventInput {
  type: AuditType;
  outcome: AuditOutcome;
  /** Defaults to now. */
  at?: Date;
  userId?: string | null;
  subject?: string | null;
  email?: string | null;
  idpId?: string | null;
  roleArn?: string | null;
  sessionName?: string | null;
  requestId?: string | null;
  /** A GatewayErrorCode or an upstream error code (e.g. STS's). */
  code?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** When the issued credentials / console session expire. */
  expiresAt?: Date | null;
  detail?: AuditDetail | null;
}

export interface AuditEventRecord {
  id: string;
  at: Date;
  type: AuditType;
  outcome: AuditOutcome;
  userId?: string;
  subject?: string;
  email?: string;
  idpId?: string;
  roleArn?: string;
  sessionName?: string;
  requestId?: string;
  code?: string;
  ip?: string;
  userAgent?: string;
  expiresAt?: Date;
  detail?: AuditDetail;
}

export interface AuditQuery {
  /** 1–500 */
  limit: number;
  /** Only events strictly before this instant (the `at` of the last row of the previous page). */
  before?: Date;
  userId?: string;
  type?: AuditType;
}

const TYPES: readonly string[] = [
  'signin',
  'signout',
  'issuance',
  'console',
  'denial',
] satisfies AuditType[];
const OUTCOMES: readonly string[] = ['ok', 'failed', 'denied'] satisfies AuditOutcome[];
export const isAuditType = (v: string): v is AuditType => TYPES.includes(v);
export const isAuditOutcome = (v: string): v is AuditOutcome => OUTCOMES.includes(v);
