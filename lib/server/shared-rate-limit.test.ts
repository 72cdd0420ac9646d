/**
 * Issue 14 §3: rate limits hold across instances. Two instances on one database (two separate clients,
 * as two processes would have) share one budget, on SQLite and PostgreSQL; the take is atomic, a refusal
 * spends nothing, and the table stays bounded however many addresses a flood uses.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { closeDb, createDb } from '../db/client';
import { createRepos, type Repos } from '../db/repos';
import { describeEachDialect, type TestDatabase } from '../db/test-support/databases';
import { runSql } from '../db/test-support/sql';
import { takeIpToken } from './per-ip-limit';
import { createSharedRateLimiter, deriveSlotKey, type SharedRateLimitOptions } from './shared-rate-limit';

const slotKey = deriveSlotKey('a-test-secret-of-at-least-32-characters');
const T0 = Date.parse('2031-07-01T10:00:00.000Z');
let n = 0;
/** A limiter name of its own per test (the suite shares one database). */
const fresh = (base: string) => `${base}-${++n}`;
const rows = (t: TestDatabase, name: string) => runSql(t.url, 'SELECT * FROM "RateLimitBucket" WHERE "limiter" = $1', [name]);

async function withSecondInstance<T>(t: TestDatabase, fn: (other: Repos) => Promise<T>): Promise<T> {
  const db = createDb(t.url);
  try {
    return await fn(createRepos(db));
  } finally {
    await closeDb(db);
  }
}

function limiterOn(repos: Repos, name: string, clock: () => number, extra: Partial<SharedRateLimitOptions> = {}) {
  return createSharedRateLimiter({ name, capacity: 3, refillPerSecond: 0.5, store: repos.rateLimits, slotKey, now: clock, ...extra });
}

describeEachDialect('shared rate limits', (ctx) => {
  it('two instances share one budget: after A spent the burst, B is refused with the right Retry-After', async () => {
    const t = ctx();
    const name = fresh('saml-login');
    let refusedOnB = 0;
    await withSecondInstance(t, async (other) => {
      const a = limiterOn(t.repos, name, () => T0);
      const b = limiterOn(other, name, () => T0 + 500, { onRefused: () => (refusedOnB += 1) });
      for (let i = 0; i < 3; i++) assert.deepEqual(await a.take('saml-login:203.0.113.7'), { ok: true });
      assert.deepEqual(await b.take('saml-login:203.0.113.7'), { ok: false, retryAfterSeconds: 2 }, 'B sees A spent it (0.25 token back after 0.5 s)');
      assert.deepEqual(await b.take('saml-login:198.51.100.1'), { ok: true }, 'another address has its own bucket');
    });
    assert.equal(refusedOnB, 1, 'the refusal reaches the metric');
  });

  it('refills over time, never beyond the capacity; a refusal spends nothing', async () => {
    const t = ctx();
    const name = fresh('device-code');
    let now = T0;
    const limiter = limiterOn(t.repos, name, () => now);
    for (let i = 0; i < 3; i++) await limiter.take('k');
    const before = await rows(t, name);
    for (let i = 0; i < 50; i++) {
      now = T0 + i * 30; // 50 refusals over 1.5 s: if any spent a token or reset the clock, 2 s would not do
      assert.equal((await limiter.take('k')).ok, false);
    }
    assert.deepEqual((await rows(t, name)).map((r) => [r.tokens, r.atMs, r.fullAtMs]), before.map((r) => [r.tokens, r.atMs, r.fullAtMs]), 'refusals leave the bucket as it was');
    now = T0 + 2_000;
    assert.deepEqual(await limiter.take('k'), { ok: true }, 'one token back after 2 s');
    assert.deepEqual(await limiter.take('k'), { ok: false, retryAfterSeconds: 2 });
    now = T0 + 3_600_000;
    const burst = [];
    for (let i = 0; i < 4; i++) burst.push((await limiter.take('k')).ok);
    assert.deepEqual(burst, [true, true, true, false], 'an hour refills to the capacity, not beyond');
  });

  it('an instance whose clock is behind neither loses the token there is nor moves the refill clock back', async () => {
    const t = ctx();
    const name = fresh('saml-acs');
    await withSecondInstance(t, async (other) => {
      const ahead = limiterOn(t.repos, name, () => T0 + 10_000, { capacity: 2 });
      const behind = limiterOn(other, name, () => T0, { capacity: 2 });
      assert.equal((await ahead.take('k')).ok, true);
      assert.equal((await behind.take('k')).ok, true, 'no negative refill: the token left is granted');
      assert.deepEqual(await ahead.take('k'), { ok: false, retryAfterSeconds: 2 }, 'the 10 s between the clocks were not refilled');
      assert.equal(Number((await rows(t, name))[0]?.atMs), T0 + 10_000);
    });
  });

  it('parallel takes on two instances never grant more than the capacity', async () => {
    const t = ctx();
    const name = fresh('device-lookup');
    await withSecondInstance(t, async (other) => {
      const a = limiterOn(t.repos, name, () => T0, { capacity: 10, refillPerSecond: 0.001 });
      const b = limiterOn(other, name, () => T0, { capacity: 10, refillPerSecond: 0.001 });
      for (let round = 0; round < 3; round++) {
        const key = `device:u${round}`;
        const decisions = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).take(key)));
        assert.equal(decisions.filter((d) => d.ok).length, 10, `round ${round}`);
      }
    });
  });

  it('storage is bounded: 2,000 addresses in 16 slots are 16 rows, no address stored; the sweep deletes full buckets', async () => {
    const t = ctx();
    const name = fresh('saml-acs');
    const T1 = T0 + 86_400_000; // a day on: every bucket the other tests left is full, so swept first
    await t.repos.rateLimits.purgeFullBuckets(new Date(T1));
    let now = T1;
    const limiter = limiterOn(t.repos, name, () => now, { slots: 16, capacity: 30, refillPerSecond: 0.5 });
    for (let i = 0; i < 2_000; i++) await takeIpToken(limiter, 'saml-acs', new Headers({ 'x-forwarded-for': `2001:db8:${i.toString(16)}::1` }));
    const stored = await rows(t, name);
    assert.equal(stored.length, 16, 'one row per slot, however many addresses');
    assert.ok(stored.every((r) => Number(r.slot) >= 0 && Number(r.slot) < 16));
    assert.doesNotMatch(JSON.stringify(stored), /2001|db8/, 'the table holds slots, not addresses');
    // Each slot took ~125 requests, so every bucket is empty and full again 60 s later (30 tokens at 0.5/s).
    assert.equal(await t.repos.rateLimits.purgeFullBuckets(new Date(T1 + 59_999)), 0, 'nothing is full yet');
    now = T1 + 60_000;
    assert.equal((await limiter.take('one-more')).ok, true, 'refilled');
    const purged = await t.repos.rateLimits.purgeFullBuckets(new Date(T1 + 60_000));
    assert.equal(purged, 15, 'every full bucket goes; the one just taken from stays');
    assert.equal((await rows(t, name)).length, 1);
    assert.equal(await t.repos.rateLimits.purgeFullBuckets(new Date(T1 + 62_000)), 1, 'full again 2 s after its take');
    now = T1 + 62_000;
    assert.deepEqual(await limiter.take('one-more'), { ok: true }, 'a deleted bucket is a full one');
  });
});
