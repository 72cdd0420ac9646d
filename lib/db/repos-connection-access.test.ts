/** Issue 12 §3: disabling a connection revokes its sessions, CLI logins and uncollected device approvals. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { approvedDevice, cliLogin, loginPlan } from './test-support/cli-fixtures';
import { describeEachDialect } from './test-support/databases';
import { now, signedInSession } from './test-support/fixtures';

describeEachDialect('connection access repo: revokeOutside', (ctx) => {
  it('revokes what came through a connection left out, for good, and nothing of a connection kept', async () => {
    const t = ctx();
    const login = await cliLogin(t, { subject: 'entra-user' });
    const session = await signedInSession(t, { subject: 'entra-user' });
    const inFlight = await approvedDevice(t, 'entra-approver');
    const kept = await t.repos.connectionAccess.revokeOutside(['entra', 'okta'], now);
    assert.deepEqual(kept, { sessions: 0, cliLogins: 0, deviceApprovals: 0 });

    const revoked = await t.repos.connectionAccess.revokeOutside(['okta'], now);
    assert.ok(revoked.sessions >= 3 && revoked.cliLogins >= 1 && revoked.deviceApprovals >= 1, JSON.stringify(revoked));
    assert.equal(await t.repos.sessions.getActiveSession(session.id, now), null);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(login.plan.accessHash, now), null);
    assert.equal((await t.repos.cliGrants.rotateRefreshToken(login.plan.refreshHash, now, { accessHash: 'a'.repeat(43), refreshHash: 'r'.repeat(43), accessExpiresAt: now })).kind, 'invalid');
    assert.equal((await t.repos.cliGrants.getCliGrant(login.issued.grant.id))?.revokedReason, 'connection-disabled');
    assert.equal(await t.repos.deviceAuthorizations.consumeApprovedDevice(inFlight.request.id, now, loginPlan()), null);
    // Switching the connection back on is just a new keep list: nothing comes back.
    assert.deepEqual(await t.repos.connectionAccess.revokeOutside(['entra', 'okta'], now), { sessions: 0, cliLogins: 0, deviceApprovals: 0 });
    assert.equal(await t.repos.sessions.getActiveSession(session.id, now), null);
  });
});
