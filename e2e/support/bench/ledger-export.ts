/**
 * The export's memory while it streams (issue 15 §3): a CSV export of `rows` rows through the same stream
 * the route serves, read as fast as it comes. At each quarter of the rows the live heap is measured after
 * a full GC, with the RSS growth beside it: flat means the
 * last quarter holds no more than the first. For scale, the same rows collected in memory first (the
 * shape of the export before it streamed) are measured the same way.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AuditRepo } from '../../../lib/db/repos/audit';
import { EXPORT_FORMATS } from '../../../lib/server/admin/audit-export';
import { exportPages } from '../../../lib/server/admin/audit-export-read';
import { startExport } from '../../../lib/server/admin/audit-export-stream';
import { parseAuditSearch } from '../../../lib/server/admin/audit-search';

export interface ExportMemory {
  rows: number;
  ms: number;
  rowsPerSec: number;
  /** Live heap growth over the start after a full GC, MiB, at 25 / 50 / 75 / 100 % of the rows. */
  liveHeapMiB: number[];
  rssGrowthPeakMiB: number;
  flat: boolean;
  /** The same rows collected in memory before writing: live heap growth, MiB. */
  bufferedLiveHeapMiB: number;
}

const MiB = 2 ** 20;
const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;
/** Allowed growth of the live heap from the first quarter to the end before the export counts as not flat. */
const FLAT_SLACK_MIB = 8;
const PAGE = 500;

/** `--expose-gc`'s gc(), or (under `npm run bench`, started without it) the same switched on at run time. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function liveHeap(): number {
  collector()();
  return process.memoryUsage().heapUsed;
}

async function streamed(audit: AuditRepo, rows: number) {
  const baseHeap = liveHeap();
  const baseRss = process.memoryUsage().rss;
  const marks = [0.25, 0.5, 0.75].map((f) => Math.ceil((rows * f) / PAGE));
  const heap: number[] = [];
  let rssPeak = 0;
  let pages = -1; // the first chunk is the header
  const t0 = performance.now();
  const { body } = await startExport({
    source: audit,
    search: parseAuditSearch({}),
    format: EXPORT_FORMATS.csv,
    maxRows: rows,
    record: (detail, outcome) => audit.appendAudit({ type: 'admin', outcome, userId: 'bench', detail }),
  });
  const reader = body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    pages += 1;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss - baseRss);
    if (marks.includes(pages)) heap.push(liveHeap() - baseHeap);
  }
  const ms = performance.now() - t0;
  heap.push(liveHeap() - baseHeap);
  return { ms, heap, rssPeak };
}

async function buffered(audit: AuditRepo, rows: number): Promise<number> {
  const base = liveHeap();
  const all = [];
  for await (const page of exportPages(audit, {}, undefined, rows)) all.push(...page);
  const text = EXPORT_FORMATS.csv.head + EXPORT_FORMATS.csv.rows(all, true);
  const held = liveHeap() - base;
  return text.length > 0 ? held : 0;
}

export async function measureExport(audit: AuditRepo, rows: number): Promise<ExportMemory> {
  const { ms, heap, rssPeak } = await streamed(audit, rows);
  const bufferedHeap = await buffered(audit, rows);
  const first = heap[0] ?? 0;
  return {
    rows,
    ms: Math.round(ms),
    rowsPerSec: Math.round((rows / ms) * 1000),
    liveHeapMiB: heap.map(mib),
    rssGrowthPeakMiB: mib(rssPeak),
    flat: heap.every((h) => h <= first + FLAT_SLACK_MIB * MiB),
    bufferedLiveHeapMiB: mib(bufferedHeap),
  };
}
