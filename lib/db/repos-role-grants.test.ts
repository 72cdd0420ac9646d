import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkGrantRequest, type GrantActor, type GrantRequestInput } from '../core/policy/grant-rules';
import { isGrantActive } from '../core/policy/grants';
import { parseConfigText } from '../core/config/parse';
import { EXAMPLE_CONFIG_YAML } from '../core/config/fixtures';
import { describeEachDialect, type TestDatabase } from './test-support/databases';
import { hasCode, later, now } from './test-support/fixtures';
import { runSql } from './test-support/sql';

const { roles } = parseConfigText(EXAMPLE_CONFIG_YAML);
const alice: GrantActor = { userId: 'alice', email: 'alice@example.com', isAdmin: true };
const gina: GrantActor = { userId: 'gina', email: 'gina@example.com', isAdmin: true };
const hank: GrantActor = { userId: 'hank', email: 'hank@example.com', isAdmin: true };

function request(t: TestDatabase, over: Partial<GrantRequestInput> = {}) {
  const input: GrantRequestInput = { roleId: '111122223333/Admin', email: 'carol@example.com', emailIdp: 'okta', reason: 'incident 42', startsAt: now, durationSeconds: 3600, requiredApprovals: 1, ...over };
  return t.repos.roleGrants.createGrant(checkGrantRequest(input, { roles, idpIds: ['okta', 'google'], requester: alice, now }));
}

describeEachDialect('role grants repo', (ctx) => {
  it('stores a grant and reads it back unchanged; lists newest first', async () => {
    const t = ctx();
    const g = await request(t, { reason: 'Zoë’s "audit", ünïcode' });
    const got = await t.repos.roleGrants.getGrant(g.id);
    assert.deepEqual(got, g);
    assert.deepEqual([g.status, g.email, g.userId, g.approvals], ['pending', 'carol@example.com', undefined, []]);
    assert.equal((await t.repos.roleGrants.listGrants())[0]?.id, g.id);
    assert.equal(await t.repos.roleGrants.getGrant('missing'), null);
  });

  it('active grants for a principal: by user id or email, never pending, rejected or revoked ones', async () => {
    const t = ctx();
    const byUser = await request(t, { email: undefined, userId: 'u-dave', requiredApprovals: 0 });
    const byEmail = await request(t, { email: 'dave@example.com', requiredApprovals: 0 });
    await request(t, { email: 'dave@example.com' });
    const revoked = await request(t, { email: 'dave@example.com', requiredApprovals: 0 });
    await t.repos.roleGrants.revoke(revoked.id, gina, later(1));
    const ids = (await t.repos.roleGrants.activeGrantsFor('u-dave', { idp: 'okta', email: 'Dave@Example.com' })).map((g) => g.id).sort();
    assert.deepEqual(ids, [byUser.id, byEmail.id].sort());
    assert.equal((await t.repos.roleGrants.getGrant(byEmail.id))?.emailIdp, 'okta', 'the IdP is stored');
    // Issue 12 §1: the same email verified by another IdP loads nothing.
    assert.deepEqual((await t.repos.roleGrants.activeGrantsFor('u-dave', { idp: 'google', email: 'dave@example.com' })).map((g) => g.id), [byUser.id]);
    assert.deepEqual((await t.repos.roleGrants.activeGrantsFor('u-dave', undefined)).map((g) => g.id), [byUser.id]);
    // listActive (the reverse preview's one query) holds exactly the active ones, whoever they name.
    const all = (await t.repos.roleGrants.listActive()).map((g) => g.id);
    assert.ok(all.includes(byUser.id) && all.includes(byEmail.id));
    assert.ok(!all.includes(revoked.id));
    assert.ok((await t.repos.roleGrants.listActive()).every((g) => g.status === 'active' && !g.revokedAt));
  });

  it('approval: the requester is refused and nothing is stored; another admin activates it at that moment', async () => {
    const t = ctx();
    const g = await request(t);
    await assert.rejects(t.repos.roleGrants.decide(g.id, alice, 'approve', later(60_000)), hasCode('GRANT_SELF_APPROVAL'));
    assert.equal((await runSql(t.url, 'SELECT id FROM "RoleGrantApproval" WHERE "grantId" = $1', [g.id])).length, 0);
    const { before, after, result } = await t.repos.roleGrants.decide(g.id, gina, 'approve', later(60_000));
    assert.equal(before.status, 'pending');
    assert.deepEqual([after.status, after.activatedAt?.toISOString(), result.approvals], ['active', later(60_000).toISOString(), 1]);
    assert.deepEqual(after.approvals.map((x) => [x.approverUserId, x.approverEmail, x.decision]), [['gina', 'gina@example.com', 'approve']]);
    assert.equal(isGrantActive(after, later(60_000 + 3_599_000)), true, 'time counts from the approval');
    await assert.rejects(t.repos.roleGrants.decide(g.id, hank, 'approve', later(70_000)), hasCode('GRANT_STATE_CONFLICT'));
    await assert.rejects(t.repos.roleGrants.decide('missing', hank, 'approve', later(70_000)), hasCode('NOT_FOUND'));
  });

  it('a double approval by one admin, even concurrent, counts once and does not activate a 2-approval grant', async () => {
    const t = ctx();
    const g = await request(t, { requiredApprovals: 2 });
    const results = await Promise.allSettled([0, 1, 2].map(() => t.repos.roleGrants.decide(g.id, gina, 'approve', later(1_000))));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.ok(hasCode('GRANT_ALREADY_DECIDED')(r.reason), String(r.reason));
    const after = await t.repos.roleGrants.getGrant(g.id);
    assert.deepEqual([after?.status, after?.approvals.length], ['pending', 1]);
  });

  it('two admins approving at once both count: a 2-approval grant ends active, activated once', async () => {
    const t = ctx();
    const g = await request(t, { requiredApprovals: 2 });
    const results = await Promise.allSettled([gina, hank].map((a) => t.repos.roleGrants.decide(g.id, a, 'approve', later(2_000))));
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled']);
    const after = await t.repos.roleGrants.getGrant(g.id);
    assert.deepEqual([after?.status, after?.approvals.length], ['active', 2]);
  });

  it('one rejection rejects; revocation ends a grant once and records who', async () => {
    const t = ctx();
    const g = await request(t, { requiredApprovals: 2 });
    await t.repos.roleGrants.decide(g.id, gina, 'approve', later(1));
    assert.equal((await t.repos.roleGrants.decide(g.id, hank, 'reject', later(2))).after.status, 'rejected');
    await assert.rejects(t.repos.roleGrants.revoke(g.id, alice, later(3)), hasCode('GRANT_STATE_CONFLICT'));
    const live = await request(t, { requiredApprovals: 0 });
    const { after } = await t.repos.roleGrants.revoke(live.id, alice, later(4));
    assert.deepEqual([after.status, after.revokedBy, after.revokedAt?.toISOString()], ['revoked', 'alice', later(4).toISOString()]);
    assert.equal(isGrantActive(after, later(5)), false);
    await assert.rejects(t.repos.roleGrants.revoke(live.id, alice, later(5)), hasCode('GRANT_STATE_CONFLICT'));
    await assert.rejects(t.repos.roleGrants.revoke(live.id, { ...gina, isAdmin: false }, later(5)), hasCode('FORBIDDEN'));
  });
});
