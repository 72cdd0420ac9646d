/**
 * Reading the ledger for an export: page after page of one search, at most `maxRows`. Kept apart from
 * audit-ledger.ts (server-only) so it runs against real repos in the integration tests.
 */
import { GatewayError } from '../../core/errors';
import { AUDIT_LIST_MAX, type AuditCursor, type AuditEventRecord, type AuditQuery } from '../../db/repos/audit-types';
import type { AuditSearch } from './audit-search';

/** The one repo call an export needs. */
export interface LedgerSource {
  listAudit(query: AuditQuery): Promise<AuditEventRecord[]>;
}

export interface AuditPage {
  events: AuditEventRecord[];
  next?: AuditCursor;
}

/** One page and whether another follows (one row more is asked for, so a page is below the repo's cap). */
export async function auditPage(source: LedgerSource, search: AuditSearch, pageSize: number): Promise<AuditPage> {
  // Issue 15: asking the repo for more than it returns hid every next page; refuse instead of lying.
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize >= AUDIT_LIST_MAX) {
    throw new GatewayError('INTERNAL', `audit page size ${pageSize}: must be 1–${AUDIT_LIST_MAX - 1}`);
  }
  const rows = await source.listAudit({ ...search.filter, cursor: search.cursor, limit: pageSize + 1 });
  const events = rows.slice(0, pageSize);
  const last = events.at(-1);
  return { events, next: rows.length > pageSize && last ? { at: last.at, id: last.id } : undefined };
}

export interface ExportRows {
  events: AuditEventRecord[];
  truncated: boolean;
}

/**
 * Every row of the search, newest first, up to `maxRows`. A page shorter than asked for is the end; at
 * the cap one more row is asked for, so `truncated` is true only when a row was really left out.
 */
export async function readExportRows(source: LedgerSource, search: AuditSearch, maxRows: number): Promise<ExportRows> {
  const events: AuditEventRecord[] = [];
  let cursor: AuditCursor | undefined;
  for (;;) {
    const room = maxRows - events.length;
    const limit = Math.min(AUDIT_LIST_MAX, room + 1);
    const rows = await source.listAudit({ ...search.filter, cursor, limit });
    events.push(...rows.slice(0, room));
    if (rows.length > room) return { events, truncated: true };
    const last = rows.at(-1);
    if (rows.length < limit || !last) return { events, truncated: false };
    cursor = { at: last.at, id: last.id };
  }
}
