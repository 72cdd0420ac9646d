/** The in-process token bucket: what a shared limiter falls back to when its database call fails. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRateLimiter, enforceRateLimit, RateLimitedError } from './rate-limit';

test('allows a burst of `capacity`, then refuses with a retry hint until tokens refill', async () => {
  let t = 0;
  const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5, now: () => t });
  assert.deepEqual([(await limiter.take('ip')).ok, (await limiter.take('ip')).ok, (await limiter.take('ip')).ok], [true, true, true]);
  assert.deepEqual(await limiter.take('ip'), { ok: false, retryAfterSeconds: 2 });
  t = 1_000;
  assert.equal((await limiter.take('ip')).ok, false, 'half a token is not a token');
  t = 2_000;
  assert.equal((await limiter.take('ip')).ok, true);
  assert.equal((await limiter.take('ip')).ok, false);
});

test('keys are independent, and refill never exceeds the capacity', async () => {
  let t = 0;
  const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, now: () => t });
  await limiter.take('a');
  await limiter.take('a');
  assert.equal((await limiter.take('a')).ok, false);
  assert.equal((await limiter.take('b')).ok, true);
  t = 3_600_000;
  assert.deepEqual([(await limiter.take('a')).ok, (await limiter.take('a')).ok, (await limiter.take('a')).ok], [true, true, false]);
});

test('forgets the least recently used key beyond maxKeys (it starts full again)', async () => {
  const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2, now: () => 0 });
  await limiter.take('a');
  await limiter.take('b');
  assert.equal((await limiter.take('a')).ok, false, 'a is remembered and empty');
  await limiter.take('c');
  assert.equal((await limiter.take('b')).ok, true, 'b was evicted, so it is full again');
});

test('a clock that steps back adds no tokens', async () => {
  let t = 10_000;
  const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1, now: () => t });
  await limiter.take('a');
  t = 0;
  assert.equal((await limiter.take('a')).ok, false);
});

test('enforceRateLimit throws RATE_LIMITED (429) with the retry delay; each refusal is told once', async () => {
  let refused = 0;
  const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.25, now: () => 0, onRefused: () => (refused += 1) });
  await enforceRateLimit(limiter, '203.0.113.7');
  await assert.rejects(enforceRateLimit(limiter, '203.0.113.7'), (e: unknown) => e instanceof RateLimitedError && e.code === 'RATE_LIMITED' && e.status === 429 && e.retryAfterSeconds === 4);
  assert.equal(refused, 1);
});
