/**
 * The audit record the core asks the server to write. It has no field for credentials, tokens or
 * login URLs: the type itself keeps secrets out of the ledger.
 */
/**
 * `device`: a device-flow request approved or denied; `cli`: a CLI login's grant issued, refreshed, reused,
 * revoked; `admin`: an admin change (with before and after); `grant`: a time-limited grant requested,
 * approved, rejected, revoked; `revocation`: users or AWS sessions cut off; `lockdown`: the issuance switch.
 */
export type AuditType = 'signin' | 'signout' | 'issuance' | 'console' | 'denial' | 'device' | 'cli' | 'admin' | 'grant' | 'revocation' | 'lockdown';
export type AuditOutcome = 'ok' | 'failed' | 'denied';

export interface AuditRecord {
  type: AuditType;
  outcome: AuditOutcome;
  userId?: string;
  subject?: string;
  email?: string;
  /** Whether the IdP verified `email` (issue 12 §1): the ledger marks an unverified one as such. */
  emailVerified?: boolean;
  idpId?: string;
  roleArn?: string;
  sessionName?: string;
  requestId?: string;
  code?: string;
  ip?: string;
  userAgent?: string;
  expiresAt?: Date;
  detail?: Record<string, string | number | boolean | null>;
}

/** Writes one audit record and resolves only once it is durable. */
export type AuditSink = (record: AuditRecord) => Promise<void>;

/** Who is asking, from where: copied into every audit record of a request. */
export interface RequestContext {
  userId: string;
  ip?: string;
  userAgent?: string;
  channel: 'web' | 'cli';
}
