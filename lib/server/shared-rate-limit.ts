/**
 * A rate limiter shared by every instance on one database (issue 14 §3): its token buckets are rows of
 * RateLimitBucket, taken with one atomic statement (lib/db/repos/rate-limits.ts), so N instances give a
 * client one budget, not N. Redis is not needed; the database every instance already shares is the store.
 *
 * Storage stays bounded under a flood from many addresses (IPv6 makes addresses cheap): the key is not
 * stored, only its slot — HMAC-SHA256(slot key, limiter name + key) reduced to `slots` (default
 * SLOTS_PER_LIMITER) — so a limiter has at most `slots` rows however many keys arrive, and the
 * unauthenticated-state sweep deletes the buckets that have refilled to full. The HMAC key is secret
 * (derived from NEXTAUTH_SECRET, which every instance already shares), so an attacker cannot pick
 * addresses that land in a victim's slot; two keys share a slot by chance only (1 in `slots`).
 *
 * A database call that fails does not fail the request open or with a 500: that request is decided by
 * this instance's in-process bucket (rate-limit.ts), and a warning with the error code is logged — at
 * most once per WARN_EVERY_MS per limiter, so a flood during an outage cannot flood the log too.
 */
import { createHmac } from 'node:crypto';
import { isGatewayError } from '../core/errors';
import type { BucketState, BucketTake } from '../db/repos';
import { createMemoryBuckets, retryAfterSeconds, type BucketShape, type RateDecision, type RateLimiter } from './rate-limit';

/** Slots per limiter: the table holds at most this many rows per limiter (4 limiters: 262,144 rows). */
export const SLOTS_PER_LIMITER = 65_536;
export const WARN_EVERY_MS = 10_000;

export interface RateBucketStore {
  takeToken(t: BucketTake): Promise<BucketState>;
}

export interface SharedRateLimitOptions extends BucketShape {
  /** The limiter's name: its rows' `limiter` column and part of every slot's hash. */
  name: string;
  store: RateBucketStore;
  /** The HMAC key of the slots; the same on every instance, or they count in different slots. */
  slotKey: Buffer;
  slots?: number;
  /** ms since the epoch. */
  now?: () => number;
  /** Told each refusal (the rolegate_rate_limited_total metric), shared or fallback. */
  onRefused?: () => void;
  /** Told when the store failed and the in-process bucket decided (pino's warn). */
  warn?: (fields: Record<string, unknown>, message: string) => void;
}

/** The HMAC key of the slots, derived from a secret all instances share. */
export function deriveSlotKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('rolegate rate-limit slots v1').digest();
}

/** The slot `key` counts in for limiter `name`: 0 ≤ slot < slots. */
export function bucketSlot(slotKey: Buffer, name: string, key: string, slots: number): number {
  const digest = createHmac('sha256', slotKey).update(name).update('\0').update(key).digest();
  return digest.readUInt32BE(0) % slots;
}

/** The decision the store's answer means, at `t` (the retry delay from the tokens it left). */
function decide(shape: BucketShape, s: BucketState, t: number): RateDecision {
  if (s.granted) return { ok: true };
  const tokens = Math.min(shape.capacity, s.tokens + (Math.max(0, t - s.atMs) / 1000) * shape.refillPerSecond);
  return { ok: false, retryAfterSeconds: retryAfterSeconds(shape, tokens) };
}

/** Logs a store failure at most once per WARN_EVERY_MS, counting the ones it held back. */
function failureReporter(opts: SharedRateLimitOptions): (err: unknown, t: number) => void {
  let lastAt = -Infinity;
  let held = 0;
  return (err, t) => {
    if (t - lastAt < WARN_EVERY_MS) {
      held += 1;
      return;
    }
    // Our own code and message only (dbCall's "takeRateToken: P1001"): never the driver's text or a URL.
    const fields = isGatewayError(err) ? { code: err.code, detail: err.message } : { code: 'INTERNAL' };
    opts.warn?.({ limiter: opts.name, ...fields, heldBack: held }, 'rate-limit store failed: this request used the in-process bucket');
    lastAt = t;
    held = 0;
  };
}

export function createSharedRateLimiter(opts: SharedRateLimitOptions): RateLimiter {
  if (opts.capacity < 1 || opts.refillPerSecond <= 0) throw new RangeError('a rate limit needs capacity ≥ 1 and refillPerSecond > 0');
  const now = opts.now ?? Date.now;
  const slots = opts.slots ?? SLOTS_PER_LIMITER;
  const fallback = createMemoryBuckets(opts);
  const report = failureReporter(opts);
  const shape = { capacity: opts.capacity, refillPerSecond: opts.refillPerSecond };
  return {
    async take(key) {
      const t = now();
      const slot = bucketSlot(opts.slotKey, opts.name, key, slots);
      let decision: RateDecision;
      try {
        decision = decide(shape, await opts.store.takeToken({ limiter: opts.name, slot, ...shape, nowMs: t }), t);
      } catch (err) {
        report(err, t);
        decision = fallback.take(key, t);
      }
      if (!decision.ok) opts.onRefused?.();
      return decision;
    },
  };
}
