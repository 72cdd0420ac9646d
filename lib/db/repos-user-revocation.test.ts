/** Revoking a user (issue 5 §5): every portal session and CLI login of that user ends at once, nobody else's. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { approvedDevice, cliLogin, loginPlan } from './test-support/cli-fixtures';
import { describeEachDialect } from './test-support/databases';
import { now, signedInSession } from './test-support/fixtures';

describeEachDialect('users repo: revokeUserAccess', (ctx) => {
  it('ends the user’s sessions and CLI logins in one go and leaves other users alone', async () => {
    const t = ctx();
    const login = await cliLogin(t, { subject: 'victim' });
    const session = await signedInSession(t, { subject: 'victim' });
    assert.equal(session.user.id, login.user.id, 'the CLI login and the portal session belong to one user');
    const bystander = await cliLogin(t, { subject: 'bystander' });

    // Three sessions: those the two device approvals were made in (fixtures) and the portal one.
    // Issue 12 §3: an approval not yet collected by the CLI would become a fresh login after revocation.
    const inFlight = await approvedDevice(t, 'victim');
    const bystanderApproval = await approvedDevice(t, 'bystander');
    assert.deepEqual(await t.repos.users.revokeUserAccess(login.user.id, now), { sessions: 3, cliLogins: 1, deviceApprovals: 1 });
    assert.equal((await t.repos.deviceAuthorizations.findDeviceAuthorization(inFlight.request.id))?.status, 'denied');
    assert.equal((await t.repos.deviceAuthorizations.findDeviceAuthorization(bystanderApproval.request.id))?.status, 'approved');
    assert.equal(await t.repos.deviceAuthorizations.consumeApprovedDevice(inFlight.request.id, now, loginPlan()), null);
    assert.equal(await t.repos.sessions.getActiveSession(session.id, now), null);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(login.plan.accessHash, now), null);
    assert.ok(await t.repos.cliGrants.findActiveAccessToken(bystander.plan.accessHash, now), 'another user keeps their login');
    assert.deepEqual(await t.repos.users.revokeUserAccess(login.user.id, now), { sessions: 0, cliLogins: 0, deviceApprovals: 0 }, 'idempotent');
    assert.equal(await t.repos.users.findUser('no-such-user'), null);
  });
});
