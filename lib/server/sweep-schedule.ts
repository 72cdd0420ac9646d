/**
 * The one timer behind Rolegate's background sweeps (the audit retention, the unauthenticated-state
 * sweep): a first run shortly after start, then one per interval, never two runs of the same sweep at
 * once in this process, never keeping the process alive. Every instance runs its own timers, so each
 * sweep must be safe to run concurrently with itself on other instances sharing the database.
 */

/** Schedules `run` (first after `firstDelayMs`, then every `intervalMs`); returns a stop function. */
export function scheduleSweep(run: () => Promise<unknown>, onError: (err: unknown) => void, firstDelayMs: number, intervalMs: number): () => void {
  const tick = nonOverlapping(run, onError);
  const first = setTimeout(tick, firstDelayMs);
  const every = setInterval(tick, intervalMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

/**
 * Schedules `run` at `offsetMs` past every multiple of `periodMs` of the clock (e.g. 2 s past each minute),
 * each timer set afresh from `now()`, so the phase never drifts. Same guarantees as scheduleSweep: no
 * overlap, no hold on the process, stop cancels.
 */
export function scheduleAlignedSweep(run: () => Promise<unknown>, onError: (err: unknown) => void, now: () => Date, periodMs: number, offsetMs: number): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const once = nonOverlapping(run, onError);
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(tick, delayToNext(now().getTime(), periodMs, offsetMs));
    timer.unref();
  };
  const tick = () => {
    arm();
    once();
  };
  arm();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Milliseconds from `t` to the next moment `offsetMs` past a multiple of `periodMs` (never 0). */
export function delayToNext(t: number, periodMs: number, offsetMs: number): number {
  const phase = (((t - offsetMs) % periodMs) + periodMs) % periodMs;
  return periodMs - phase;
}

/** A tick that starts `run` unless its previous run is still going: a slow run (a large backlog, a slow database) is not overlapped. */
function nonOverlapping(run: () => Promise<unknown>, onError: (err: unknown) => void): () => void {
  let running = false;
  return () => {
    if (running) return;
    running = true;
    void run()
      .catch(onError)
      .finally(() => (running = false));
  };
}
