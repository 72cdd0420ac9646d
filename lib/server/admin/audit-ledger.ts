import 'server-only';
/**
 * The admin side of the audit ledger: one page of a search for the ledger page, and the export (streamed
 * page by page, capped, and itself recorded in the ledger: who exported what, how many rows, how it ended;
 * see audit-export-stream.ts).
 */
import { z } from 'zod';
import { GatewayError } from '../../core/errors';
import { getLogger } from '../logger';
import { auditByAdmin, type AdminContext } from './route';
import { EXPORT_FORMATS } from './audit-export';
import { auditPage as readPage, type AuditPage } from './audit-export-read';
import { startExport } from './audit-export-stream';
import { parseAuditSearch, type AuditSearch } from './audit-search';

export type { AuditPage } from './audit-export-read';

export const PAGE_SIZE = 50;
/**
 * An export holds at most this many rows (the file's last line says when it was cut; narrow the search
 * for the rest). Streaming keeps the server's memory at one page, so the cap is about the file, not RAM.
 */
export const EXPORT_MAX_ROWS = 1_000_000;

export function auditPage(ctx: Pick<AdminContext, 'c'>, search: AuditSearch, pageSize = PAGE_SIZE): Promise<AuditPage> {
  return readPage(ctx.c.repos.audit, search, pageSize);
}

const formatSchema = z.enum(['csv', 'json']);

export interface AuditExport {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

/** Validates the request, records the export's start in the ledger, and returns the file as a stream. */
export async function exportAudit(ctx: AdminContext, query: URLSearchParams, signal?: AbortSignal): Promise<AuditExport> {
  const parsed = formatSchema.safeParse(query.get('format') ?? 'csv');
  if (!parsed.success) throw new GatewayError('BAD_REQUEST', 'export format', { publicDetail: 'format: expected csv or json' });
  const format = EXPORT_FORMATS[parsed.data];
  const { body } = await startExport({
    source: ctx.c.repos.audit,
    search: parseAuditSearch(query),
    format,
    maxRows: EXPORT_MAX_ROWS,
    signal,
    record: (detail, outcome) => auditByAdmin(ctx, detail, undefined, outcome),
    onError: (err) => getLogger().error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'audit export failed after the response began'),
  });
  const stamp = ctx.c.now().toISOString().replace(/[:.]/g, '-');
  return { body, contentType: format.contentType, filename: `rolegate-audit-${stamp}.${format.extension}` };
}
