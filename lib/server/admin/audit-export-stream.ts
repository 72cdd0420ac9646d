/**
 * The audit export as a stream (issue 15 §3): one repo page is read only when the client has taken the
 * previous one, so memory holds a page whatever the size of the export, and the file's foot says how many
 * rows it holds and whether the cap cut it (unknowable when the headers go out).
 *
 * The export is audited in two `admin` rows, because what is true changes while it runs:
 * 1. `audit.export` (who, which search, which format, the cap) is appended and awaited before the response
 *    exists: no ledger row leaves the server before the ledger says who is taking it (as an issuance is
 *    audited before the credentials leave, STYLE rule 8). It claims nothing about rows: none are known yet.
 * 2. `audit.export.end`, naming the first by id, once the stream ends: `complete` with the row count and
 *    `truncated`, written before the foot (so a file with its foot always has its ledger row); or `aborted`
 *    (the client went away) / `failed` (a read failed) with the rows handed to the response so far. A crash
 *    leaves only the first row: an export began and its end is unknown — which is the truth.
 * The file holds the ledger as it stood when the export began: the rows ordered before its own first row.
 */
import type { AuditCursor, AuditOutcome, JsonValue } from '../../db/repos/audit-types';
import type { ExportFormat } from './audit-export';
import { exportPages, type LedgerSource } from './audit-export-read';
import type { AuditSearch } from './audit-search';

export type ExportEnd = 'complete' | 'aborted' | 'failed';
export type ExportRecord = (detail: { action: string; target: string; [key: string]: JsonValue }, outcome: AuditOutcome) => Promise<AuditCursor>;

export interface ExportRun {
  source: LedgerSource;
  search: AuditSearch;
  format: ExportFormat;
  maxRows: number;
  /** Appends an `admin` ledger row on behalf of the exporting admin; resolves with its (at, id) once durable. */
  record: ExportRecord;
  /** The request's signal: the client going away ends the export as `aborted` even if the body is not cancelled. */
  signal?: AbortSignal;
  /** Something failed after the response began, when no error can be answered any more. */
  onError?: (err: unknown) => void;
}

export interface StartedExport {
  exportId: string;
  body: ReadableStream<Uint8Array>;
}

/** Resolves once the export's first ledger row is durable; rejects (nothing sent) if it cannot be written. */
export async function startExport(run: ExportRun): Promise<StartedExport> {
  const format = run.format.extension;
  const started = await run.record({ action: 'audit.export', target: 'AuditEvent', format, search: run.search.params.toString(), maxRows: run.maxRows }, 'ok');
  const exportId = started.id;
  const onError = run.onError ?? (() => undefined);
  const pages = exportPages(run.source, run.search.filter, { at: started.at, id: started.id }, run.maxRows);
  const encoder = new TextEncoder();
  let rows = 0;
  let end: ExportEnd | undefined;

  /** Claims the end (the first caller wins) and appends its ledger row. */
  const finish = async (how: ExportEnd, truncated?: boolean): Promise<boolean> => {
    if (end) return false;
    end = how;
    run.signal?.removeEventListener('abort', onAbort);
    const detail = { action: 'audit.export.end', target: 'AuditEvent', exportId, format, end: how, rows, ...(how === 'complete' ? { truncated: truncated ?? false } : {}) };
    await run.record(detail, how === 'complete' ? 'ok' : 'failed');
    return true;
  };
  const abort = () => {
    void pages.return(false);
    return finish('aborted').then(() => undefined, onError);
  };
  const onAbort = () => void abort();
  run.signal?.addEventListener('abort', onAbort, { once: true });

  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(run.format.head)),
    pull: async (controller) => {
      try {
        const next = await pages.next();
        if (end) return controller.error(new Error('audit export aborted')); // the client went away meanwhile
        if (!next.done) {
          controller.enqueue(encoder.encode(run.format.rows(next.value, rows === 0)));
          rows += next.value.length;
          return;
        }
        if (!(await finish('complete', next.value))) return;
        controller.enqueue(encoder.encode(run.format.foot({ exportId, rows, truncated: next.value })));
        controller.close();
      } catch (err) {
        await finish('failed').catch(onError);
        onError(err);
        controller.error(err);
      }
    },
    cancel: abort,
  });
  if (run.signal?.aborted) onAbort();
  return { exportId, body };
}
