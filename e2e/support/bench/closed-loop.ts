/** N workers calling back to back (no think time) until a deadline: the bench's "N concurrent" load. */
import { summarize, type Summary } from './stats';

export interface ClosedLoopRun {
  /** Calls that resolved. */
  ok: number;
  /** Calls that threw, by message (first 80 characters). */
  failed: Map<string, number>;
  /** Latency of the calls that resolved; null when none did. */
  ms: Summary | null;
  wallMs: number;
  perSec: number;
}

/** Runs `call` from `concurrency` workers for `ms` milliseconds; calls under way at the deadline finish. */
export async function closedLoop(concurrency: number, ms: number, call: (worker: number) => Promise<void>): Promise<ClosedLoopRun> {
  const samples: number[] = [];
  const failed = new Map<string, number>();
  const t0 = performance.now();
  const deadline = t0 + ms;
  const worker = async (w: number) => {
    while (performance.now() < deadline) {
      const start = performance.now();
      try {
        await call(w);
        samples.push(performance.now() - start);
      } catch (err) {
        const reason = (err instanceof Error ? err.message : String(err)).slice(0, 80);
        failed.set(reason, (failed.get(reason) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const wallMs = performance.now() - t0;
  return { ok: samples.length, failed, ms: samples.length ? summarize(samples) : null, wallMs, perSec: Math.round((samples.length / wallMs) * 10_000) / 10 };
}
