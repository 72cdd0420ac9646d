/** Revoking a user (issue 5 §5): every portal session and CLI login of that user ends at once, nobody else's. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cliLogin } from './test-support/cli-fixtures';
import { describeEachDialect } from './test-support/databases';
import { now, signedInSession } from './test-support/fixtures';

describeEachDialect('users repo: revokeUserAccess', (ctx) => {
  it('ends the user’s sessions and CLI logins in one go and leaves other users alone', async () => {
    const t = ctx();
    const login = await cliLogin(t, { subject: 'victim' });
    const session = await signedInSession(t, { subject: 'victim' });
    assert.equal(session.user.id, login.user.id, 'the CLI login and the portal session belong to one user');
    const bystander = await cliLogin(t, { subject: 'bystander' });

    // Two sessions: the one the device approval was made in (cliLogin's fixture) and the portal one.
    assert.deepEqual(await t.repos.users.revokeUserAccess(login.user.id, now), { sessions: 2, cliLogins: 1 });
    assert.equal(await t.repos.sessions.getActiveSession(session.id, now), null);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(login.plan.accessHash, now), null);
    assert.ok(await t.repos.cliGrants.findActiveAccessToken(bystander.plan.accessHash, now), 'another user keeps their login');
    assert.deepEqual(await t.repos.users.revokeUserAccess(login.user.id, now), { sessions: 0, cliLogins: 0 }, 'idempotent');
    assert.equal(await t.repos.users.findUser('no-such-user'), null);
  });
});
