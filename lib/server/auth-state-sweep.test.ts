/**
 * Issue 12 §6: what unauthenticated requests store is swept on a schedule, on both dialects, by several
 * instances at once without double work. Today nothing called the purges: 1,000 logins left 1,000 rows.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it, test } from 'node:test';
import { closeDb, createDb } from '../db/client';
import { createRepos, type Repos } from '../db/repos';
import { describeEachDialect, type TestDatabase } from '../db/test-support/databases';
import { runSql } from '../db/test-support/sql';
import { scheduleAuthStateSweep, sweepAuthState, type AuthStateSweepDeps } from './auth-state-sweep';
import { delayToNext, scheduleAlignedSweep, scheduleSweep } from './sweep-schedule';

const T0 = new Date('2031-05-01T08:00:00.000Z');
const count = async (t: TestDatabase, table: string) => Number((await runSql(t.url, `SELECT COUNT(*) AS n FROM "${table}"`, []))[0]?.n);

function sweepDeps(repos: Repos, now: Date, errors: unknown[] = []): AuthStateSweepDeps {
  return {
    now: () => now,
    rollUpSigninFailures: (before) => repos.signinFailures.rollUpSigninFailures(before),
    purgeExpiredRequests: (at) => repos.samlRequests.purgeExpiredRequests(at),
    purgeExpiredAssertions: (at) => repos.samlReplay.purgeExpiredAssertions(at),
    pruneSamlTraces: () => repos.samlTraces.pruneAllSamlTraces(),
    purgeFullRateBuckets: (at) => repos.rateLimits.purgeFullBuckets(at),
    onError: (err) => errors.push(err),
  };
}

/** What 1,000 `GET /saml/<c>/login` and a few accepted responses leave (as sp-flow.ts writes them). */
async function unauthenticatedLeftovers(t: TestDatabase): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    await t.repos.samlRequests.rememberRequest({ id: `_${randomUUID()}`, connectionId: 'adfs', createdAt: T0, expiresAt: new Date(T0.getTime() + 600_000) });
  }
  for (let i = 0; i < 20; i++) {
    await t.repos.samlReplay.rememberAssertion({ connectionId: 'okta-saml', assertionId: `_${randomUUID()}`, expiresAt: new Date(T0.getTime() + 360_000) }, T0);
  }
}

describeEachDialect('unauthenticated-state sweep', (ctx) => {
  it('keeps what is live, deletes 1,000 expired requests and the expired assertion IDs once expired', async () => {
    const t = ctx();
    await unauthenticatedLeftovers(t);
    // A rate-limit bucket drained at T0 + 59 s is full again 2 s later (issue 14 §3).
    await t.repos.rateLimits.takeToken({ limiter: 'saml-login', slot: 7, capacity: 1, refillPerSecond: 0.5, nowMs: T0.getTime() + 59_000 });
    const early = await sweepAuthState(sweepDeps(t.repos, new Date(T0.getTime() + 60_000)));
    assert.deepEqual([early.requests, early.assertions, early.rateBuckets], [0, 0, 0], 'nothing live is touched');
    const later = await sweepAuthState(sweepDeps(t.repos, new Date(T0.getTime() + 600_000)));
    assert.deepEqual([later.requests, later.assertions, later.rateBuckets], [1000, 20, 1]);
    assert.deepEqual([await count(t, 'SamlRequest'), await count(t, 'SamlReplay'), await count(t, 'RateLimitBucket')], [0, 0, 0]);
  });

  it('several instances sweeping at once delete each row once and report no error', async () => {
    const t = ctx();
    await unauthenticatedLeftovers(t);
    const errors: unknown[] = [];
    const db = t.dialect === 'postgresql' ? createDb(t.url) : undefined; // see repos-saml-signin.test.ts
    try {
      const other = db ? createRepos(db) : t.repos;
      const at = new Date(T0.getTime() + 600_000);
      const results = await Promise.all([sweepAuthState(sweepDeps(t.repos, at, errors)), sweepAuthState(sweepDeps(other, at, errors)), sweepAuthState(sweepDeps(t.repos, at, errors))]);
      assert.deepEqual(errors, []);
      assert.equal(results.reduce((n, r) => n + r.requests, 0), 1000);
      assert.equal(results.reduce((n, r) => n + r.assertions, 0), 20);
    } finally {
      if (db) await closeDb(db);
    }
  });

  it('a failing step is reported and the other steps still run', async () => {
    const t = ctx();
    await unauthenticatedLeftovers(t);
    const errors: unknown[] = [];
    const d = sweepDeps(t.repos, new Date(T0.getTime() + 600_000), errors);
    d.rollUpSigninFailures = async () => {
      throw new Error('counter table locked');
    };
    const r = await sweepAuthState(d);
    assert.equal(errors.length, 1);
    assert.deepEqual([r.failureRows, r.requests, r.assertions], [0, 1000, 20]);
  });
});

test('the schedule runs the sweep shortly after start and then each interval, never overlapping itself', async () => {
  let runs = 0;
  let active = 0;
  let overlapped = false;
  const stop = scheduleSweep(
    async () => {
      runs += 1;
      active += 1;
      overlapped ||= active > 1;
      await new Promise((r) => setTimeout(r, 60));
      active -= 1;
    },
    (err) => assert.fail(String(err)),
    5,
    20,
  );
  await new Promise((r) => setTimeout(r, 250));
  stop();
  const stopped = runs;
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(runs >= 2, `ran ${runs} times`);
  assert.equal(overlapped, false, 'a slow run is not overlapped');
  assert.equal(runs, stopped, 'nothing runs after stop');
});

test('scheduleAuthStateSweep wires the sweep to the schedule', async () => {
  const calls: string[] = [];
  const step = (name: string) => async () => (calls.push(name), 0);
  const stop = scheduleAuthStateSweep(
    { now: () => T0, rollUpSigninFailures: step('failures'), purgeExpiredRequests: step('requests'), purgeExpiredAssertions: step('assertions'), pruneSamlTraces: step('traces'), purgeFullRateBuckets: step('rate-buckets'), onError: (e) => assert.fail(String(e)) },
    60_000,
    (Date.now() + 15) % 60_000, // the mark is 15 ms from now
  );
  await new Promise((r) => setTimeout(r, 50));
  stop();
  assert.deepEqual(calls, ['failures', 'requests', 'assertions', 'traces', 'rate-buckets']);
});

test('the aligned schedule waits for the next offset past a period boundary, never 0 and never a whole period more', () => {
  const MIN = 60_000;
  const t = Date.parse('2027-03-01T10:00:30.000Z');
  assert.equal(delayToNext(t, MIN, 2_000), 32_000);
  assert.equal(delayToNext(Date.parse('2027-03-01T10:00:01.000Z'), MIN, 2_000), 1_000);
  assert.equal(delayToNext(Date.parse('2027-03-01T10:00:02.000Z'), MIN, 2_000), MIN, 'exactly on the mark: the next one');
  assert.equal(delayToNext(Date.parse('2027-03-01T10:00:02.001Z'), MIN, 2_000), MIN - 1);
  assert.equal(delayToNext(Date.parse('2027-03-01T10:00:00.000Z'), MIN, 0), MIN);
  assert.equal(delayToNext(1_500, 1_000, 700), 200, 'an offset into the period');
});

test('the aligned schedule runs on the clock\'s marks, never overlapping itself, and stops', async () => {
  const marks: number[] = [];
  let active = 0;
  let overlapped = false;
  const stop = scheduleAlignedSweep(
    async () => {
      marks.push(Date.now() % 100);
      active += 1;
      overlapped ||= active > 1;
      await new Promise((r) => setTimeout(r, 130));
      active -= 1;
    },
    (err) => assert.fail(String(err)),
    () => new Date(),
    100,
    10,
  );
  await new Promise((r) => setTimeout(r, 600));
  stop();
  const stopped = marks.length;
  await new Promise((r) => setTimeout(r, 150));
  assert.ok(marks.length >= 2, `ran ${marks.length} times`);
  assert.equal(overlapped, false, 'a slow run is not overlapped');
  assert.equal(marks.length, stopped, 'nothing runs after stop');
  // Timers fire at or after their mark (10 ms past each 100 ms), never before it (late by < 90 ms even on a busy machine).
  for (const m of marks) assert.ok(m >= 10, `ran at ${m} ms into the period`);
});
