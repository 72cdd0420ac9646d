import assert from 'node:assert/strict';
import { it } from 'node:test';
import { closeDb, createDb } from './client';
import { createRepos } from './repos';
import { approvedDevice, cliLogin, deviceRequest, loginPlan, raceClient } from './test-support/cli-fixtures';
import { describeEachDialect } from './test-support/databases';
import { entraClaims, hasCode, later, now, signedInSession } from './test-support/fixtures';
import { runSql } from './test-support/sql';

describeEachDialect('device authorizations repo', (ctx) => {
  it('stores a pending request found by its user code until it expires (exclusive)', async () => {
    const { deviceAuthorizations: repo } = ctx().repos;
    const input = deviceRequest({ expiresAt: later(1_000) });
    const created = await repo.createDeviceAuthorization(input);
    assert.equal(created.status, 'pending');
    assert.equal(created.intervalSeconds, 5);
    const found = await repo.findPendingByUserCode(input.userCode, now);
    assert.equal(found?.id, input.id);
    assert.equal(found?.ip, '203.0.113.7');
    assert.equal(found?.userAgent, 'rolegate-cli/0.1 (linux)');
    assert.equal(await repo.findPendingByUserCode(input.userCode, later(1_000)), null);
    assert.equal(await repo.findPendingByUserCode('BBBBBBBB', now), null);
  });

  it('a user code is unique among pending requests, free again once decided or expired', async () => {
    const t = ctx();
    const repo = t.repos.deviceAuthorizations;
    const first = await repo.createDeviceAuthorization(deviceRequest({ expiresAt: later(1_000) }));
    await assert.rejects(repo.createDeviceAuthorization(deviceRequest({ userCode: first.userCode })), hasCode('DB_CONFLICT'));
    const reused = await repo.createDeviceAuthorization(deviceRequest({ userCode: first.userCode, createdAt: later(1_000), expiresAt: later(60_000) }));
    assert.equal((await repo.findPendingByUserCode(first.userCode, later(1_000)))?.id, reused.id);
    const { user } = await signedInSession(t);
    assert.ok(await repo.denyDeviceAuthorization(first.userCode, user.id, later(2_000)));
    await repo.createDeviceAuthorization(deviceRequest({ userCode: first.userCode, createdAt: later(2_000), expiresAt: later(60_000) }));
  });

  it('approves once, copying the claims snapshot; a decided, expired or unknown code cannot be decided', async () => {
    const t = ctx();
    const repo = t.repos.deviceAuthorizations;
    const { id: sessionId, user } = await signedInSession(t, { subject: 'approver' });
    const approval = { userId: user.id, sessionId, idpId: 'entra', claims: entraClaims('approver') };
    const request = await repo.createDeviceAuthorization(deviceRequest({ expiresAt: later(10_000) }));
    const approved = await repo.approveDeviceAuthorization(request.userCode, approval, now);
    assert.equal(approved?.status, 'approved');
    assert.equal(await repo.approveDeviceAuthorization(request.userCode, approval, now), null, 'second approval');
    assert.equal(await repo.denyDeviceAuthorization(request.userCode, user.id, now), null, 'deny after approval');
    const stored = await repo.findDeviceAuthorization(request.id);
    assert.deepEqual(stored?.claims, entraClaims('approver'));
    assert.equal(stored?.approvedBy, user.id);
    assert.equal(stored?.approvedSession, sessionId);
    const expired = await repo.createDeviceAuthorization(deviceRequest({ expiresAt: later(10) }));
    assert.equal(await repo.approveDeviceAuthorization(expired.userCode, approval, later(10)), null);
    assert.equal(await repo.approveDeviceAuthorization('BBBBBBBB', approval, now), null);
  });

  it('of concurrent approvals and denials of one code, from two clients, exactly one wins', async () => {
    const t = ctx();
    const otherDb = createDb(t.url);
    try {
      const other = createRepos(otherDb).deviceAuthorizations;
      const { id: sessionId, user } = await signedInSession(t);
      const approval = { userId: user.id, sessionId, idpId: 'entra', claims: entraClaims('x') };
      for (let round = 0; round < 8; round++) {
        const { userCode } = await t.repos.deviceAuthorizations.createDeviceAuthorization(deviceRequest());
        const results = await Promise.all([
          t.repos.deviceAuthorizations.approveDeviceAuthorization(userCode, approval, now),
          other.approveDeviceAuthorization(userCode, approval, now),
          other.denyDeviceAuthorization(userCode, user.id, now),
          t.repos.deviceAuthorizations.denyDeviceAuthorization(userCode, user.id, now),
        ]);
        assert.equal(results.filter(Boolean).length, 1, `round ${round}`);
      }
    } finally {
      await closeDb(otherDb);
    }
  });

  it('records polls no faster than the gap; slow_down adds to the interval for good', async () => {
    const repo = ctx().repos.deviceAuthorizations;
    const { id } = await repo.createDeviceAuthorization(deviceRequest());
    assert.equal(await repo.recordPoll(id, now, 4_500), true, 'first poll');
    assert.equal(await repo.recordPoll(id, later(1_000), 4_500), false, 'too soon');
    assert.equal(await repo.slowDown(id, later(1_000), 5), 10);
    assert.equal(await repo.recordPoll(id, later(5_000), 9_500), false, 'measured from the slow_down');
    assert.equal(await repo.recordPoll(id, later(10_500), 9_500), true);
    assert.equal((await repo.findDeviceAuthorization(id))?.intervalSeconds, 10);
  });

  it('does not record polls or slow down a request that is no longer pending', async () => {
    const t = ctx();
    const { request } = await approvedDevice(t);
    assert.equal(await t.repos.deviceAuthorizations.recordPoll(request.id, now, 0), false);
    assert.equal(await t.repos.deviceAuthorizations.slowDown(request.id, now, 5), undefined);
  });

  it('consumes an approval once into a login carrying the approval, never a pending, denied or expired one', async () => {
    const t = ctx();
    const repo = t.repos.deviceAuthorizations;
    const { user, request } = await approvedDevice(t, 'consumer');
    const plan = loginPlan();
    const issued = await repo.consumeApprovedDevice(request.id, now, plan);
    assert.ok(issued && !('denied' in issued));
    assert.equal(issued.grant.userId, user.id);
    assert.equal(issued?.grant.id, plan.grantId);
    assert.deepEqual(issued?.grant.claims, entraClaims('consumer'));
    assert.equal(issued?.grant.clientId, 'rolegate-cli');
    assert.equal((await repo.findDeviceAuthorization(request.id))?.status, 'consumed');
    assert.equal(await repo.consumeApprovedDevice(request.id, now, loginPlan()), null, 'second consume');
    const pending = await repo.createDeviceAuthorization(deviceRequest());
    assert.equal(await repo.consumeApprovedDevice(pending.id, now, loginPlan()), null, 'pending');
    await repo.denyDeviceAuthorization(pending.userCode, user.id, now);
    assert.equal(await repo.consumeApprovedDevice(pending.id, now, loginPlan()), null, 'denied');
    const late = await approvedDevice(t);
    assert.equal(await repo.consumeApprovedDevice(late.request.id, later(600_000), loginPlan()), null, 'expired');
  });

  it('issue 12: an approval whose portal session was revoked or expired is denied at collection, no login made', async () => {
    const t = ctx();
    const repo = t.repos.deviceAuthorizations;
    const revoked = await approvedDevice(t, 'revoked-approver');
    await t.repos.sessions.revokeSession(revoked.sessionId, now);
    const result = await repo.consumeApprovedDevice(revoked.request.id, now, loginPlan());
    assert.ok(result && 'denied' in result);
    assert.deepEqual([result.denied.status, result.denied.approvedBy], ['denied', revoked.user.id]);
    assert.equal((await repo.findDeviceAuthorization(revoked.request.id))?.status, 'denied');
    assert.equal(await repo.consumeApprovedDevice(revoked.request.id, now, loginPlan()), null, 'stays denied');
    // A session that ends (expires) before the CLI collects the approval refuses it too.
    const short = await signedInSession(t, { subject: 'short-session', expiresAt: later(60_000) });
    const request = await repo.createDeviceAuthorization(deviceRequest());
    await repo.approveDeviceAuthorization(request.userCode, { userId: short.user.id, sessionId: short.id, idpId: 'entra', claims: entraClaims('short-session') }, now);
    const late = await repo.consumeApprovedDevice(request.id, later(120_000), loginPlan());
    assert.ok(late && 'denied' in late, 'the approving session expired');
    const [grants] = await runSql(t.url, 'SELECT COUNT(*) AS n FROM "CliGrant" WHERE "userId" IN ($1, $2)', [revoked.user.id, short.user.id]);
    assert.equal(Number(grants?.n), 0);
  });

  it('issue 12: denies in-flight requests by approver, by connection or all of them (lock-down)', async () => {
    const t = ctx();
    // Earlier tests of this database left approvals in flight: deny them first, so the counts are ours.
    await t.repos.deviceAuthorizations.denyInFlight({ all: true }, now);
    const repo = t.repos.deviceAuthorizations;
    const mine = await approvedDevice(t, 'revokee');
    const other = await approvedDevice(t, 'bystander');
    const pending = await repo.createDeviceAuthorization(deviceRequest());
    assert.equal(await repo.denyInFlight({ approvedBy: mine.user.id }, now), 1);
    assert.deepEqual(await statuses(), { [mine.request.id]: 'denied', [other.request.id]: 'approved', [pending.id]: 'pending' });
    assert.equal(await repo.denyInFlight({ idpIdNotIn: ['entra'] }, now), 0, 'approvals through an enabled connection stay');
    assert.equal(await repo.denyInFlight({ idpIdNotIn: ['okta'] }, now), 1);
    const fresh = await approvedDevice(t);
    assert.equal(await repo.denyInFlight({ all: true }, now), 2, 'the pending one and the fresh approval');
    assert.equal((await repo.findDeviceAuthorization(fresh.request.id))?.status, 'denied');
    assert.equal(await repo.findPendingByUserCode(pending.userCode, now), null, 'its user code is free again');
    const consumed = await cliLogin(t);
    assert.equal(await repo.denyInFlight({ all: true }, now), 0, 'a collected approval is a login now: revocation ends it');
    assert.ok(consumed.issued);

    async function statuses() {
      const ids = [mine.request.id, other.request.id, pending.id];
      return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await repo.findDeviceAuthorization(id))?.status])));
    }
  });

  it('of concurrent consumes of one approval, from two clients, exactly one creates a login', async () => {
    const t = ctx();
    const other = raceClient(t);
    try {
      for (let round = 0; round < 8; round++) {
        const { request } = await approvedDevice(t);
        const results = await Promise.all([
          t.repos.deviceAuthorizations.consumeApprovedDevice(request.id, now, loginPlan()),
          other.repos.deviceAuthorizations.consumeApprovedDevice(request.id, now, loginPlan()),
          t.repos.deviceAuthorizations.consumeApprovedDevice(request.id, now, loginPlan()),
          other.repos.deviceAuthorizations.consumeApprovedDevice(request.id, now, loginPlan()),
        ]);
        assert.equal(results.filter(Boolean).length, 1, `round ${round}`);
      }
      const [grants] = await runSql(t.url, 'SELECT COUNT(*) AS n FROM "CliGrant" g JOIN "DeviceAuthorization" d ON d."grantId" = g.id');
      const [all] = await runSql(t.url, 'SELECT COUNT(*) AS n FROM "CliGrant"');
      const [consumed] = await runSql(t.url, `SELECT COUNT(*) AS n FROM "DeviceAuthorization" WHERE status = 'consumed'`);
      assert.equal(Number(grants?.n), Number(consumed?.n), 'one grant per consumed request');
      assert.equal(Number(all?.n), Number(consumed?.n), 'no orphan grants from the losers');
    } finally {
      await other.close();
    }
  });

  it('purges requests expired at or before the cutoff only', async () => {
    const t = ctx();
    // Earlier tests of this database left approvals in flight: deny them first, so the counts are ours.
    await t.repos.deviceAuthorizations.denyInFlight({ all: true }, now);
    const repo = t.repos.deviceAuthorizations;
    await repo.createDeviceAuthorization(deviceRequest({ expiresAt: later(-5) }));
    await repo.createDeviceAuthorization(deviceRequest({ expiresAt: now }));
    const live = await repo.createDeviceAuthorization(deviceRequest({ expiresAt: later(10) }));
    assert.equal(await repo.purgeDeviceAuthorizations(now), 2);
    assert.ok(await repo.findDeviceAuthorization(live.id));
  });
});
