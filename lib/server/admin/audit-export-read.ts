/**
 * Reading the ledger page by page: the admin page's one page with its "older" link, and an export's
 * pages. Kept apart from audit-ledger.ts (server-only) so it runs against real repos in the tests.
 */
import { GatewayError } from '../../core/errors';
import { AUDIT_LIST_MAX, type AuditCursor, type AuditEventRecord, type AuditFilter, type AuditQuery } from '../../db/repos/audit-types';
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

/**
 * Every row of the search older than `from` (when given), newest first, one repo page at a time, up to
 * `maxRows`; returns whether rows were left out. A page shorter than asked for is the end; at the cap one
 * more row is asked for, so "truncated" is true only when a row really was left out. Nothing is read
 * before the consumer asks for the next page, so memory holds one page whatever the size of the export.
 */
export async function* exportPages(
  source: LedgerSource,
  filter: AuditFilter,
  from: AuditCursor | undefined,
  maxRows: number,
): AsyncGenerator<AuditEventRecord[], boolean> {
  let cursor = from;
  for (let sent = 0; ; ) {
    const room = maxRows - sent;
    const limit = Math.min(AUDIT_LIST_MAX, room + 1);
    const rows = await source.listAudit({ ...filter, cursor, limit });
    const page = rows.slice(0, room);
    sent += page.length;
    if (page.length > 0) yield page;
    if (rows.length > room) return true;
    const last = rows.at(-1);
    if (rows.length < limit || !last) return false;
    cursor = { at: last.at, id: last.id };
  }
}
