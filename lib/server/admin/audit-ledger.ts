import 'server-only';
/**
 * The admin side of the audit ledger: one page of a search for the ledger page, and the export (capped,
 * read page by page, and itself recorded in the ledger: who exported what).
 */
import { z } from 'zod';
import { GatewayError } from '../../core/errors';
import { auditByAdmin, type AdminContext } from './route';
import { toCsv, toJson } from './audit-export';
import { auditPage as readPage, readExportRows, type AuditPage } from './audit-export-read';
import { parseAuditSearch, type AuditSearch } from './audit-search';

export type { AuditPage } from './audit-export-read';

export const PAGE_SIZE = 50;
/** An export holds at most this many rows; narrow the search for more (the file says when it was cut). */
export const EXPORT_MAX_ROWS = 50_000;

export function auditPage(ctx: Pick<AdminContext, 'c'>, search: AuditSearch, pageSize = PAGE_SIZE): Promise<AuditPage> {
  return readPage(ctx.c.repos.audit, search, pageSize);
}

const formatSchema = z.enum(['csv', 'json']);

export interface AuditExport {
  body: string;
  contentType: string;
  filename: string;
  rows: number;
  truncated: boolean;
}

export async function exportAudit(ctx: AdminContext, query: URLSearchParams): Promise<AuditExport> {
  const format = formatSchema.safeParse(query.get('format') ?? 'csv');
  if (!format.success) throw new GatewayError('BAD_REQUEST', 'export format', { publicDetail: 'format: expected csv or json' });
  const search = parseAuditSearch(query);
  const { events: rows, truncated } = await readExportRows(ctx.c.repos.audit, search, EXPORT_MAX_ROWS);
  await auditByAdmin(ctx, { action: 'audit.export', target: 'AuditEvent', format: format.data, rows: rows.length, truncated, search: search.params.toString() });
  const stamp = ctx.c.now().toISOString().replace(/[:.]/g, '-');
  return format.data === 'json'
    ? { body: toJson(rows), contentType: 'application/json; charset=utf-8', filename: `rolegate-audit-${stamp}.json`, rows: rows.length, truncated }
    : { body: toCsv(rows), contentType: 'text/csv; charset=utf-8', filename: `rolegate-audit-${stamp}.csv`, rows: rows.length, truncated };
}
