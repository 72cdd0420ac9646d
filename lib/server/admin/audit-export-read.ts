/**
 * Reading the ledger for an export: page after page of one search, at most `maxRows`. Kept apart from
 * audit-ledger.ts (server-only) so it runs against real repos in the integration tests.
 */
import type { AuditCursor, AuditEventRecord, AuditQuery } from '../../db/repos/audit-types';
import type { AuditSearch } from './audit-search';

/** The one repo call an export needs. */
export interface LedgerSource {
  listAudit(query: AuditQuery): Promise<AuditEventRecord[]>;
}

export interface AuditPage {
  events: AuditEventRecord[];
  next?: AuditCursor;
}

export async function auditPage(source: LedgerSource, search: AuditSearch, pageSize: number): Promise<AuditPage> {
  const rows = await source.listAudit({ ...search.filter, cursor: search.cursor, limit: pageSize + 1 });
  const events = rows.slice(0, pageSize);
  const last = events.at(-1);
  return { events, next: rows.length > pageSize && last ? { at: last.at, id: last.id } : undefined };
}

export interface ExportRows {
  events: AuditEventRecord[];
  truncated: boolean;
}

export async function readExportRows(source: LedgerSource, search: AuditSearch, maxRows: number): Promise<ExportRows> {
  const events: AuditEventRecord[] = [];
  let cursor: AuditCursor | undefined;
  let more = true;
  while (more && events.length < maxRows) {
    const page = await auditPage(source, { ...search, cursor }, 500);
    events.push(...page.events);
    cursor = page.next;
    more = cursor !== undefined;
  }
  const truncated = more || events.length > maxRows;
  return { events: events.slice(0, maxRows), truncated };
}
