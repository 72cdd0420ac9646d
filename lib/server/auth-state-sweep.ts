/**
 * What unauthenticated requests leave in the database, swept on a schedule (issue 12 §6): every
 * `/saml/<c>/login` stores a pending AuthnRequest, every accepted response an assertion ID, every post a
 * diagnostics trace, every failed post a failure count, every rate-limited request a token bucket.
 * Without this sweep nothing deleted them (a thousand logins left a thousand rows forever). Each minute,
 * on every instance: closed minutes of failure counts go to the ledger (signin-failures.ts), expired
 * requests and assertion IDs are deleted, traces are cut to the newest few per connection, and rate-limit
 * buckets that have refilled to full are deleted (rate-limits.ts: a missing bucket is a full one). Every
 * step is a conditional DELETE (or a count-checked move), so instances sweeping the same database at once
 * delete each row once and count each failure once.
 */
import { minuteOf } from '../db/repos/signin-failures';
import { scheduleAlignedSweep } from './sweep-schedule';

export const AUTH_STATE_SWEEP_INTERVAL_MS = 60_000;
/** The sweep runs this long after each minute closes, so a minute's failure counts reach the ledger within ~2 s of its end. */
export const AUTH_STATE_SWEEP_OFFSET_MS = 2_000;

export interface AuthStateSweepDeps {
  now: () => Date;
  rollUpSigninFailures: (closedBefore: Date) => Promise<number>;
  purgeExpiredRequests: (now: Date) => Promise<number>;
  purgeExpiredAssertions: (now: Date) => Promise<number>;
  /** Cuts every connection's traces to the newest few. */
  pruneSamlTraces: () => Promise<number>;
  /** Deletes the rate-limit buckets full again at `now`. */
  purgeFullRateBuckets: (now: Date) => Promise<number>;
  onError: (err: unknown) => void;
}

export interface AuthStateSweepResult {
  failureRows: number;
  requests: number;
  assertions: number;
  traces: number;
  rateBuckets: number;
}

/**
 * One sweep. Each step runs even if an earlier one failed (one stuck table must not let the others grow);
 * failures go to `onError`, and the counts of failed steps read 0.
 */
export async function sweepAuthState(d: AuthStateSweepDeps): Promise<AuthStateSweepResult> {
  const now = d.now();
  const step = (run: () => Promise<number>) => run().catch((err: unknown) => (d.onError(err), 0));
  return {
    failureRows: await step(() => d.rollUpSigninFailures(minuteOf(now))),
    requests: await step(() => d.purgeExpiredRequests(now)),
    assertions: await step(() => d.purgeExpiredAssertions(now)),
    traces: await step(() => d.pruneSamlTraces()),
    rateBuckets: await step(() => d.purgeFullRateBuckets(now)),
  };
}

/**
 * Runs the sweep 2 s past every minute of the clock (sweep-schedule.ts), on every instance at once (each
 * step is safe to run concurrently): a minute of failure counts is in the ledger ~2 s after it closes, not
 * up to two minutes later. Returns a stop function.
 */
export function scheduleAuthStateSweep(d: AuthStateSweepDeps, periodMs = AUTH_STATE_SWEEP_INTERVAL_MS, offsetMs = AUTH_STATE_SWEEP_OFFSET_MS): () => void {
  return scheduleAlignedSweep(() => sweepAuthState(d), d.onError, () => new Date(), periodMs, offsetMs);
}
