/** Issue 12 §6: failed sign-ins reach the append-only ledger as one row per address, code and minute. */
import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { closeDb, createDb } from './client';
import { createRepos, type Repos } from './repos';
import { MAX_FAILURE_KEYS_PER_MINUTE, OVERFLOW_IP } from './repos/signin-failures';
import { describeEachDialect, type TestDatabase } from './test-support/databases';
import { runSql } from './test-support/sql';

// Each test floods its own hour (the suite shares one database).
let minute = new Date('2030-06-01T12:00:00.000Z');
const at = (ms: number) => new Date(minute.getTime() + ms);
const counters = async (t: TestDatabase) => Number((await runSql(t.url, 'SELECT COUNT(*) AS n FROM "SigninFailureCount"', []))[0]?.n);
const failedRows = async (r: Repos) =>
  (await r.audit.listAudit({ limit: 500, type: 'signin', outcome: 'failed' })).filter((e) => e.at >= minute && e.at < at(3_600_000));

async function withSecondInstance<T>(t: TestDatabase, fn: (other: Repos) => Promise<T>): Promise<T> {
  // SQLite instances are processes; in this process one client runs both sides (see repos-saml-signin.test.ts).
  if (t.dialect === 'sqlite') return fn(t.repos);
  const db = createDb(t.url);
  try {
    return await fn(createRepos(db));
  } finally {
    await closeDb(db);
  }
}

describeEachDialect('sign-in failure counts', (ctx) => {
  beforeEach(() => {
    minute = new Date(minute.getTime() + 3_600_000);
  });

  it('a flood of 1,000 failures from one address is one counter row, then one ledger row with the count', async () => {
    const t = ctx();
    const f = { ip: '203.0.113.7', code: 'SAML_SIGNATURE_INVALID', idpId: 'adfs' };
    for (let i = 0; i < 1000; i++) await t.repos.signinFailures.recordSigninFailure({ ...f, at: at(i * 50) });
    assert.equal(await counters(t), 1);
    assert.equal(await t.repos.signinFailures.rollUpSigninFailures(minute), 0, 'an open minute stays a counter');
    assert.equal(await t.repos.signinFailures.rollUpSigninFailures(at(60_000)), 1);
    const rows = await failedRows(t.repos);
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0]?.at, rows[0]?.ip, rows[0]?.code, rows[0]?.idpId, rows[0]?.detail], [minute, f.ip, f.code, 'adfs', { count: 1000, window: '1m' }]);
    assert.equal(await counters(t), 0, 'the counter went with its roll-up');
    assert.equal(await t.repos.signinFailures.rollUpSigninFailures(at(120_000)), 0, 'counted once');
  });

  it('separate rows per address, code, connection and minute; an unknown connection has none', async () => {
    const t = ctx();
    const base = { at: minute, ip: '198.51.100.1', code: 'SAML_EXPIRED', idpId: 'okta' };
    for (const f of [base, base, { ...base, ip: '198.51.100.2' }, { ...base, code: 'SAML_REPLAY' }, { ...base, idpId: '' }, { ...base, at: at(60_000) }]) {
      await t.repos.signinFailures.recordSigninFailure(f);
    }
    assert.equal(await t.repos.signinFailures.rollUpSigninFailures(at(120_000)), 5);
    const rows = await failedRows(t.repos);
    assert.deepEqual(rows.map((r) => r.detail?.count).sort(), [1, 1, 1, 1, 2]);
    assert.equal(rows.filter((r) => r.idpId === undefined).length, 1);
  });

  it(`past ${MAX_FAILURE_KEYS_PER_MINUTE} keys in a minute, failures count in one overflow row`, async () => {
    const t = ctx();
    const n = MAX_FAILURE_KEYS_PER_MINUTE + 50;
    for (let i = 0; i < n; i++) await t.repos.signinFailures.recordSigninFailure({ at: minute, ip: `10.0.${i >> 8}.${i & 255}`, code: 'SAML_MALFORMED', idpId: 'adfs' });
    assert.equal(await counters(t), MAX_FAILURE_KEYS_PER_MINUTE + 1);
    await t.repos.signinFailures.rollUpSigninFailures(at(60_000));
    const rows = await failedRows(t.repos);
    assert.equal(rows.reduce((sum, r) => sum + Number(r.detail?.count), 0), n, 'every failure counted');
    const overflow = rows.filter((r) => r.detail?.overflow === true);
    assert.deepEqual(overflow.map((r) => [r.ip, r.detail?.count]), [[undefined, 50]]);
    assert.equal(OVERFLOW_IP, '*');
  });

  it('two instances counting and rolling up at once count every failure exactly once', async () => {
    const t = ctx();
    await withSecondInstance(t, async (other) => {
      const f = { at: minute, ip: '192.0.2.1', code: 'SAML_REPLAY', idpId: 'adfs' };
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? other : t.repos).signinFailures.recordSigninFailure(f)));
      const written = await Promise.all([t.repos.signinFailures.rollUpSigninFailures(at(60_000)), other.signinFailures.rollUpSigninFailures(at(60_000))]);
      assert.equal(written[0] + written[1], 1);
    });
    const rows = await failedRows(t.repos);
    assert.deepEqual(rows.map((r) => r.detail?.count), [40]);
  });
});
