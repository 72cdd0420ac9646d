import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRateLimiter } from './rate-limit';

test('allows a burst of `capacity`, then refuses with a retry hint until tokens refill', () => {
  let t = 0;
  const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5, now: () => t });
  assert.deepEqual([1, 2, 3].map(() => limiter.take('ip').ok), [true, true, true]);
  assert.deepEqual(limiter.take('ip'), { ok: false, retryAfterSeconds: 2 });
  t = 1_000;
  assert.equal(limiter.take('ip').ok, false, 'half a token is not a token');
  t = 2_000;
  assert.equal(limiter.take('ip').ok, true);
  assert.equal(limiter.take('ip').ok, false);
});

test('keys are independent, and refill never exceeds the capacity', () => {
  let t = 0;
  const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, now: () => t });
  limiter.take('a');
  limiter.take('a');
  assert.equal(limiter.take('a').ok, false);
  assert.equal(limiter.take('b').ok, true);
  t = 3_600_000;
  assert.deepEqual([1, 2, 3].map(() => limiter.take('a').ok), [true, true, false]);
});

test('forgets the least recently used key beyond maxKeys (it starts full again)', () => {
  const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2, now: () => 0 });
  limiter.take('a');
  limiter.take('b');
  assert.equal(limiter.take('a').ok, false, 'a is remembered and empty');
  limiter.take('c');
  assert.equal(limiter.take('b').ok, true, 'b was evicted, so it is full again');
});

test('enforceRateLimit throws RATE_LIMITED (429) with the retry delay', async () => {
  const { enforceRateLimit, RateLimitedError } = await import('./rate-limit');
  const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.25, now: () => 0 });
  enforceRateLimit(limiter, '203.0.113.7');
  assert.throws(() => enforceRateLimit(limiter, '203.0.113.7'), (e: unknown) => e instanceof RateLimitedError && e.code === 'RATE_LIMITED' && e.status === 429 && e.retryAfterSeconds === 4);
});
