/**
 * A small in-memory token bucket per key (e.g. per client IP), for endpoints anyone can call (AWS-FACTS §4:
 * rate limits). Per process: with several instances each keeps its own buckets, so the effective limit is
 * the per-instance limit times the instance count — good enough to stop a flood of device codes, not a
 * quota. Memory is bounded: beyond `maxKeys` the least recently used key is forgotten (it starts full).
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
export function enforceRateLimit(limiter: RateLimiter, key: string): void {
  const decision = limiter.take(key);
  if (!decision.ok) throw new RateLimitedError(key, decision.retryAfterSeconds);
}

export interface RateLimitOptions {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
  maxKeys?: number;
  now?: () => number;
  /** Told each refusal (the rolegate_rate_limited_total metric). */
  onRefused?: () => void;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 10_000;
  // A Map iterates in insertion order: deleting and re-inserting on use keeps the LRU key first.
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const prev = buckets.get(key);
      const refilled = prev ? Math.min(opts.capacity, prev.tokens + ((t - prev.at) / 1000) * opts.refillPerSecond) : opts.capacity;
      buckets.delete(key);
      if (refilled < 1) {
        buckets.set(key, { tokens: refilled, at: t });
        opts.onRefused?.();
        return { ok: false, retryAfterSeconds: Math.ceil((1 - refilled) / opts.refillPerSecond) };
      }
      buckets.set(key, { tokens: refilled - 1, at: t });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value ?? '');
      return { ok: true };
    },
  };
}
