import assert from 'node:assert/strict';
import { it } from 'node:test';
import { closeDb, createDb } from './client';
import { createRepos } from './repos';
import { approvedDevice, deviceRequest, loginPlan, raceClient } from './test-support/cli-fixtures';
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
    const { user } = await signedInSession(t, { subject: 'approver' });
    const approval = { userId: user.id, idpId: 'entra', claims: entraClaims('approver') };
    const request = await repo.createDeviceAuthorization(deviceRequest({ expiresAt: later(10_000) }));
    const approved = await repo.approveDeviceAuthorization(request.userCode, approval, now);
    assert.equal(approved?.status, 'approved');
    assert.equal(await repo.approveDeviceAuthorization(request.userCode, approval, now), null, 'second approval');
    assert.equal(await repo.denyDeviceAuthorization(request.userCode, user.id, now), null, 'deny after approval');
    const stored = await repo.findDeviceAuthorization(request.id);
    assert.deepEqual(stored?.claims, entraClaims('approver'));
    assert.equal(stored?.approvedBy, user.id);
    const expired = await repo.createDeviceAuthorization(deviceRequest({ expiresAt: later(10) }));
    assert.equal(await repo.approveDeviceAuthorization(expired.userCode, approval, later(10)), null);
    assert.equal(await repo.approveDeviceAuthorization('BBBBBBBB', approval, now), null);
  });

  it('of concurrent approvals and denials of one code, from two clients, exactly one wins', async () => {
    const t = ctx();
    const otherDb = createDb(t.url);
    try {
      const other = createRepos(otherDb).deviceAuthorizations;
      const { user } = await signedInSession(t);
      const approval = { userId: user.id, idpId: 'entra', claims: entraClaims('x') };
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
    assert.equal(issued?.grant.userId, user.id);
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
    await runSql(t.url, 'DELETE FROM "DeviceAuthorization"');
    const repo = t.repos.deviceAuthorizations;
    await repo.createDeviceAuthorization(deviceRequest({ expiresAt: later(-5) }));
    await repo.createDeviceAuthorization(deviceRequest({ expiresAt: now }));
    const live = await repo.createDeviceAuthorization(deviceRequest({ expiresAt: later(10) }));
    assert.equal(await repo.purgeDeviceAuthorizations(now), 2);
    assert.ok(await repo.findDeviceAuthorization(live.id));
  });
});
