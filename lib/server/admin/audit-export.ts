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

/** What an export says about itself at its end (issue 15: unknowable up front when streaming). */
export interface ExportSummary {
  /** The id of the export's own `audit.export` ledger row. */
  exportId: string;
  rows: number;
  /** True only when the search matched rows beyond the cap that the file leaves out. */
  truncated: boolean;
}

/**
 * A file written page by page: `head`, then `rows` for each page, then `foot`. A file that lacks its foot
 * was cut off in transit (or the server failed mid-way): only a file with its foot is complete.
 */
export interface ExportFormat {
  contentType: string;
  extension: 'csv' | 'json';
  head: string;
  /** `first`: nothing was written before this page (JSON separates rows with commas). */
  rows(events: readonly AuditEventRecord[], first: boolean): string;
  foot(summary: ExportSummary): string;
}

/**
 * The CSV ends with one line `#rolegate-export rows=<n> truncated=<bool> id=<exportId>`: a single cell (no
 * comma), never a formula, never a data row (those start with a timestamp).
 */
const csv: ExportFormat = {
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  head: `${EXPORT_COLUMNS.join(',')}\r\n`,
  rows: (events) =>
    events.map((e) => {
      const row = exportRow(e);
      return `${EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`;
    }).join(''),
  foot: (s) => `#rolegate-export rows=${s.rows} truncated=${s.truncated} id=${s.exportId}\r\n`,
};

const jsonEvent = (e: AuditEventRecord) => JSON.stringify({ ...e, at: e.at.toISOString(), expiresAt: e.expiresAt?.toISOString() });

/** `{"events":[…one event per line…],"rows":n,"truncated":bool,"exportId":"…"}` */
const json: ExportFormat = {
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  head: '{"events":[\n',
  rows: (events, first) => (events.length === 0 ? '' : `${first ? '' : ',\n'}${events.map(jsonEvent).join(',\n')}`),
  foot: (s) => `\n],\n"rows":${s.rows},"truncated":${s.truncated},"exportId":${JSON.stringify(s.exportId)}}\n`,
};

export const EXPORT_FORMATS = { csv, json } as const;
export type ExportFormatName = keyof typeof EXPORT_FORMATS;
