/**
 * Issue 14 §3: when the shared store fails, a request is neither let through unlimited nor answered 500:
 * this instance's in-process bucket decides it, and a warning with the error code (never the URL or the
 * driver's text) is logged, at most once per WARN_EVERY_MS per limiter.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/errors';
import { closeDb, createDb } from '../db/client';
import { createRepos } from '../db/repos';
import { createEmptyDatabase, DIALECTS, dropDatabase, skipReason } from '../db/test-support/databases';
import { enforceRateLimit, RateLimitedError } from './rate-limit';
import { createSharedRateLimiter, deriveSlotKey, WARN_EVERY_MS, type RateBucketStore } from './shared-rate-limit';

const slotKey = deriveSlotKey('a-test-secret-of-at-least-32-characters');
type Warning = { fields: Record<string, unknown>; message: string };

function setup(store: RateBucketStore) {
  const warnings: Warning[] = [];
  let refused = 0;
  let now = 0;
  const limiter = createSharedRateLimiter({
    name: 'saml-login',
    capacity: 2,
    refillPerSecond: 0.5,
    store,
    slotKey,
    now: () => now,
    onRefused: () => (refused += 1),
    warn: (fields, message) => warnings.push({ fields, message }),
  });
  return { limiter, warnings, refused: () => refused, at: (t: number) => (now = t) };
}

test('a failing store: the in-process bucket decides, refusals still count, the warning is throttled', async () => {
  let down = true;
  let storeCalls = 0;
  const store: RateBucketStore = {
    takeToken: async () => {
      storeCalls += 1;
      if (down) throw new GatewayError('DB_UNAVAILABLE', 'takeRateToken: P1001');
      return { granted: true, tokens: 1, atMs: 0 };
    },
  };
  const s = setup(store);
  assert.deepEqual([(await s.limiter.take('ip')).ok, (await s.limiter.take('ip')).ok], [true, true], 'the burst, from this process');
  assert.deepEqual(await s.limiter.take('ip'), { ok: false, retryAfterSeconds: 2 }, 'not fail-open');
  await assert.rejects(enforceRateLimit(s.limiter, 'ip'), (e: unknown) => e instanceof RateLimitedError && e.status === 429, 'RATE_LIMITED, not a 500');
  assert.equal(s.refused(), 2);
  assert.deepEqual(s.warnings, [{ fields: { limiter: 'saml-login', code: 'DB_UNAVAILABLE', detail: 'takeRateToken: P1001', heldBack: 0 }, message: 'rate-limit store failed: this request used the in-process bucket' }]);
  s.at(WARN_EVERY_MS);
  await s.limiter.take('ip');
  assert.equal(s.warnings.length, 2);
  assert.equal(s.warnings[1]?.fields.heldBack, 3, 'the failures not logged are counted');
  down = false;
  const before = storeCalls;
  assert.deepEqual(await s.limiter.take('ip'), { ok: true }, 'back on the shared store as soon as it answers');
  assert.equal(storeCalls, before + 1);
  assert.equal(s.warnings.length, 2);
});

test("an error that is not ours is logged as INTERNAL without its text (it may carry a URL)", async () => {
  const s = setup({ takeToken: () => Promise.reject(new Error('connect postgres://rolegate:hunter2@db failed')) });
  assert.equal((await s.limiter.take('ip')).ok, true);
  assert.deepEqual(s.warnings.map((w) => w.fields), [{ limiter: 'saml-login', code: 'INTERNAL', heldBack: 0 }]);
});

test('a database that is not reachable: DB_UNAVAILABLE, no password logged, requests still limited', async (t) => {
  if (skipReason('postgresql')) return t.skip(String(skipReason('postgresql')));
  // Nothing listens on this port (in this worktree's port range): the connection is refused.
  const db = createDb('postgres://rolegate:hunter2-not-a-secret@127.0.0.1:3619/rolegate');
  try {
    const s = setup(createRepos(db).rateLimits);
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push((await s.limiter.take('203.0.113.9')).ok);
    assert.deepEqual(decisions, [true, true, false]);
    assert.equal(s.warnings[0]?.fields.code, 'DB_UNAVAILABLE');
    assert.doesNotMatch(JSON.stringify(s.warnings), /hunter2|127\.0\.0\.1:3619/);
  } finally {
    await closeDb(db);
  }
});

for (const dialect of DIALECTS) {
  test(`[${dialect}] a database without the table (an instance ahead of its migration): the fallback decides`, { skip: skipReason(dialect) }, async () => {
    const url = await createEmptyDatabase(dialect);
    const db = createDb(url);
    try {
      const s = setup(createRepos(db).rateLimits);
      const decisions = [];
      for (let i = 0; i < 3; i++) decisions.push((await s.limiter.take('u1')).ok);
      assert.deepEqual(decisions, [true, true, false]);
      assert.equal(s.warnings.length, 1);
      assert.equal(s.warnings[0]?.fields.code, 'INTERNAL', 'a missing table is no outage');
    } finally {
      await closeDb(db);
      await dropDatabase(url);
    }
  });
}
