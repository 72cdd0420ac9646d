/**
 * The audit ledger as a file: CSV (RFC 4180 quoting, with spreadsheet formula injection neutralised — a
 * cell an attacker controls, such as a user agent or an email, must not run as a formula when an auditor
 * opens the file) or JSON. Columns are the issuance facts an auditor asks for, then the raw detail.
 */
import type { AuditEventRecord } from '../../db/repos/audit-types';

export const EXPORT_COLUMNS = ['at', 'type', 'outcome', 'code', 'userId', 'email', 'emailVerified', 'subject', 'idpId', 'roleArn', 'sessionName', 'sourceIdentity', 'requestId', 'expiresAt', 'ip', 'userAgent', 'channel', 'detail'] as const;

type Row = Record<(typeof EXPORT_COLUMNS)[number], string>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export function exportRow(e: AuditEventRecord): Row {
  return {
    at: e.at.toISOString(),
    type: e.type,
    outcome: e.outcome,
    code: str(e.code),
    userId: str(e.userId),
    email: str(e.email),
    // Issue 12 §1: true / false as the IdP said; empty when not known.
    emailVerified: str(e.emailVerified),
    subject: str(e.subject),
    idpId: str(e.idpId),
    roleArn: str(e.roleArn),
    sessionName: str(e.sessionName),
    sourceIdentity: str(e.detail?.sourceIdentity),
    requestId: str(e.requestId),
    expiresAt: e.expiresAt ? e.expiresAt.toISOString() : '',
    ip: str(e.ip),
    userAgent: str(e.userAgent),
    channel: str(e.detail?.channel),
    detail: e.detail ? JSON.stringify(e.detail) : '',
  };
}

/** OWASP "CSV injection": a leading = + - @ tab or CR makes a spreadsheet evaluate the cell. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(events: readonly AuditEventRecord[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const e of events) {
    const row = exportRow(e);
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(events: readonly AuditEventRecord[]): string {
  return JSON.stringify(events.map((e) => ({ ...e, at: e.at.toISOString(), expiresAt: e.expiresAt?.toISOString() })), null, 1);
}
