/**
 * Token-bucket rate limits per key (a client IP, a user id), for endpoints anyone can call (AWS-FACTS §4:
 * rate limits). The limits the app uses are shared by every instance on one database
 * (shared-rate-limit.ts, issue 14 §3): two instances behind a load balancer give a client the same budget
 * as one, not twice it. This file holds what both kinds share — the decision, the 429 error — and the
 * in-process bucket, which is what a shared limiter falls back to for a request whose database call
 * failed. In process, memory is bounded: beyond `maxKeys` the least recently used key is forgotten (it
 * starts full).
 */
import { GatewayError } from '../core/errors';

/** RATE_LIMITED (429), with when to retry (the Retry-After header). */
export class RateLimitedError extends GatewayError {
  readonly retryAfterSeconds: number;
  constructor(key: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', `rate limit for ${key}`);
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Takes a token for `key` or throws RateLimitedError. */
export async function enforceRateLimit(limiter: RateLimiter, key: string): Promise<void> {
  const decision = await limiter.take(key);
  if (!decision.ok) throw new RateLimitedError(key, decision.retryAfterSeconds);
}

export interface BucketShape {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

export interface RateLimitOptions extends BucketShape {
  maxKeys?: number;
  /** ms since the epoch. */
  now?: () => number;
  /** Told each refusal (the rolegate_rate_limited_total metric). */
  onRefused?: () => void;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

/** Seconds until a bucket holding `tokens` (< 1) has one again. */
export function retryAfterSeconds(shape: BucketShape, tokens: number): number {
  return Math.max(1, Math.ceil((1 - tokens) / shape.refillPerSecond));
}

/** The in-process buckets, synchronous: `take` at the instant `t` (ms). */
export function createMemoryBuckets(opts: BucketShape & { maxKeys?: number }): { take(key: string, t: number): RateDecision } {
  const maxKeys = opts.maxKeys ?? 10_000;
  // A Map iterates in insertion order: deleting and re-inserting on use keeps the LRU key first.
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, t) {
      const prev = buckets.get(key);
      const refilled = prev ? Math.min(opts.capacity, prev.tokens + (Math.max(0, t - prev.at) / 1000) * opts.refillPerSecond) : opts.capacity;
      buckets.delete(key);
      if (refilled < 1) {
        buckets.set(key, { tokens: refilled, at: t });
        return { ok: false, retryAfterSeconds: retryAfterSeconds(opts, refilled) };
      }
      buckets.set(key, { tokens: refilled - 1, at: t });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value ?? '');
      return { ok: true };
    },
  };
}

/** A limiter of this process only (tests, and the shape of the fallback). */
export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  const buckets = createMemoryBuckets(opts);
  return {
    take(key) {
      const decision = buckets.take(key, now());
      if (!decision.ok) opts.onRefused?.();
      return Promise.resolve(decision);
    },
  };
}
