/** Test helpers for streamed exports: read a body to its end without holding it, and an export's ledger rows. */
import type { Repos } from '../../../db/repos';
import type { AuditEventRecord } from '../../../db/repos/audit-types';
import type { ExportRecord } from '../audit-export-stream';

export interface Drained {
  /** CRLF-terminated lines (CSV) — the header and the summary line included. */
  lines: number;
  head: string;
  tail: string;
  bytes: number;
}

/** Every chunk of a body, in order (the DOM lib's ReadableStream type has no async iterator). */
export async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
}

export async function drain(body: ReadableStream<Uint8Array>): Promise<Drained> {
  const decoder = new TextDecoder();
  let lines = 0;
  let head = '';
  let tail = '';
  let bytes = 0;
  for await (const chunk of chunksOf(body)) {
    const text = decoder.decode(chunk, { stream: true });
    bytes += chunk.byteLength;
    lines += text.split('\r\n').length - 1;
    if (head.length < 4096) head += text.slice(0, 4096);
    tail = (tail + text).slice(-4096);
  }
  return { lines, head, tail, bytes };
}

/** Records the export's rows as a test admin would (type admin, user `admin-x`). */
export const recordAs = (repos: Repos, userId = 'admin-x'): ExportRecord => (detail, outcome) =>
  repos.audit.appendAudit({ type: 'admin', outcome, userId, detail });

/** The export's own ledger rows, oldest first. */
export async function exportRowsOf(repos: Repos, exportId: string): Promise<AuditEventRecord[]> {
  const rows = await repos.audit.listAudit({ type: 'admin', limit: 500 });
  return rows.filter((r) => r.id === exportId || r.detail?.exportId === exportId).reverse();
}
