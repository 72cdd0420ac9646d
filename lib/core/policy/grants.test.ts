import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { effectiveWindow, grantAppliesTo, grantPhase, isGrantActive, remainingText, roleHeldByGrants, rolesHeldByGrants, type Grant } from './grants';

const { roles } = parseConfigText(EXAMPLE_CONFIG_YAML);
const T0 = new Date('2026-05-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const HOUR = 3600;

function grant(over: Partial<Grant> = {}): Grant {
  return {
    id: 'g1', roleId: '111122223333/Admin', userId: 'carol', reason: 'incident 42', requestedBy: 'alice', requestedAt: T0,
    startsAt: T0, durationSeconds: HOUR, requiredApprovals: 0, status: 'active', activatedAt: T0, approvals: [], ...over,
  };
}
const carol = { userId: 'carol', claims: { idpId: 'okta', email: 'carol@example.com', emailVerified: true } };

test('without approval the window is [startsAt, startsAt + duration): start inclusive, end exclusive', () => {
  const g = grant({ startsAt: at(30), activatedAt: T0 });
  assert.deepEqual(effectiveWindow(g), { startsAt: at(30), endsAt: at(90) });
  assert.equal(isGrantActive(g, at(29)), false, 'not before its start');
  assert.equal(isGrantActive(g, at(30)), true);
  assert.equal(isGrantActive(g, new Date(at(90).getTime() - 1)), true);
  assert.equal(isGrantActive(g, at(90)), false, 'expired gives nothing');
  assert.equal(grantPhase(g, at(0)), 'scheduled');
  assert.equal(grantPhase(g, at(90)), 'expired');
});

test('time counts from approval: a grant approved after its start runs its full duration from the approval', () => {
  const pending = grant({ requiredApprovals: 1, status: 'pending', activatedAt: undefined });
  assert.equal(effectiveWindow(pending), undefined);
  assert.equal(isGrantActive(pending, at(10)), false, 'a not-yet-approved grant gives nothing');
  assert.equal(grantPhase(pending, at(10)), 'pending');
  const approvedLate = { ...pending, status: 'active' as const, activatedAt: at(45) };
  assert.deepEqual(effectiveWindow(approvedLate), { startsAt: at(45), endsAt: at(105) });
  assert.equal(isGrantActive(approvedLate, at(100)), true, 'still active past startsAt + duration');
  assert.equal(isGrantActive(approvedLate, at(105)), false);
  const approvedEarly = { ...pending, startsAt: at(60), status: 'active' as const, activatedAt: at(5) };
  assert.deepEqual(effectiveWindow(approvedEarly), { startsAt: at(60), endsAt: at(120) }, 'an early approval waits for startsAt');
  assert.equal(isGrantActive(approvedEarly, at(30)), false);
});

test('revoked and rejected grants give nothing, at once', () => {
  const revoked = grant({ status: 'revoked', revokedAt: at(10), revokedBy: 'alice' });
  assert.equal(isGrantActive(revoked, at(10)), false);
  assert.equal(grantPhase(revoked, at(10)), 'revoked');
  assert.equal(isGrantActive(grant({ revokedAt: at(5) }), at(10)), false, 'a revokedAt alone ends it too');
  const rejected = grant({ requiredApprovals: 1, status: 'rejected', activatedAt: undefined });
  assert.equal(isGrantActive(rejected, at(10)), false);
  assert.equal(grantPhase(rejected, at(10)), 'rejected');
});

test('a user grant matches only that user id, whatever the email says', () => {
  assert.equal(grantAppliesTo(grant(), carol), true);
  assert.equal(grantAppliesTo(grant(), { userId: 'mallory', claims: carol.claims }), false);
});

test('an email grant matches only an email VERIFIED by the IdP it names, case-insensitively', () => {
  const g = grant({ userId: undefined, email: 'carol@example.com', emailIdp: 'okta' });
  const who = (claims: Partial<typeof carol.claims>) => ({ userId: 'u9', claims: { idpId: 'okta', emailVerified: true, ...claims } });
  assert.equal(grantAppliesTo(g, who({ email: 'Carol@Example.com' })), true);
  assert.equal(grantAppliesTo(g, who({ email: 'carol@example.com', emailVerified: false })), false);
  assert.equal(grantAppliesTo(g, who({})), false);
  assert.equal(grantAppliesTo(g, who({ email: 'carol@example.com.evil' })), false);
  assert.equal(grantAppliesTo({}, who({ email: 'carol@example.com' })), false, 'a grant naming nobody matches nobody');
  assert.deepEqual(rolesHeldByGrants([g], who({ email: 'carol@example.com', emailVerified: false }), roles, at(1)), []);
});

test('issue 12 §1: the same verified email from another IdP, or a grant naming no IdP, gives nothing', () => {
  const g = grant({ userId: undefined, email: 'carol@example.com', emailIdp: 'okta' });
  const atGoogle = { userId: 'u9', claims: { idpId: 'google', email: 'carol@example.com', emailVerified: true } };
  assert.equal(grantAppliesTo(g, atGoogle), false);
  assert.deepEqual(rolesHeldByGrants([g], atGoogle, roles, at(1)), []);
  const legacy = grant({ userId: undefined, email: 'carol@example.com' });
  assert.equal(grantAppliesTo(legacy, carol), false, 'an email grant from before the IdP was recorded matches nobody');
});

test('roles held through grants: only active grants of this principal for configured roles, the latest end wins', () => {
  const grants = [
    grant({ id: 'short', durationSeconds: HOUR }),
    grant({ id: 'long', durationSeconds: 2 * HOUR }),
    grant({ id: 'other-user', userId: 'dave', roleId: '444455556666/Operator' }),
    grant({ id: 'gone-role', roleId: '999999999999/Nope' }),
    grant({ id: 'pending', roleId: '444455556666/Operator', requiredApprovals: 1, status: 'pending', activatedAt: undefined }),
    grant({ id: 'revoked', roleId: '111122223333/ReadOnly', status: 'revoked', revokedAt: at(1) }),
  ];
  const held = rolesHeldByGrants(grants, carol, roles, at(10));
  assert.deepEqual(held.map((h) => [h.role.id, h.grant.id, h.endsAt.toISOString()]), [['111122223333/Admin', 'long', at(120).toISOString()]]);
  assert.deepEqual(rolesHeldByGrants(grants, carol, roles, at(120)), [], 'nothing once expired');
});

test('issue 15 §4: roleHeldByGrants answers for one role as rolesHeldByGrants(...).find does', () => {
  const grants = [
    grant({ id: 'first', durationSeconds: 2 * HOUR }),
    grant({ id: 'tie', durationSeconds: 2 * HOUR }),
    grant({ id: 'shorter', durationSeconds: HOUR }),
    grant({ id: 'ops', roleId: '444455556666/Operator', startsAt: at(30), activatedAt: at(30) }),
    grant({ id: 'dave', userId: 'dave', roleId: '111122223333/ReadOnly' }),
    grant({ id: 'gone-role', roleId: '999999999999/Nope' }),
    grant({ id: 'revoked', roleId: '111122223333/ReadOnly', status: 'revoked', revokedAt: at(1) }),
  ];
  let held = 0;
  for (const now of [at(0), at(10), at(45), at(95), at(120)]) {
    for (const roleId of [...roles.keys(), '999999999999/Nope']) {
      const one = roleHeldByGrants(grants, carol, roles, now, roleId);
      assert.deepEqual(one, rolesHeldByGrants(grants, carol, roles, now).find((h) => h.role.id === roleId), `${roleId} at ${now.toISOString()}`);
      if (one) held++;
    }
  }
  assert.equal(roleHeldByGrants(grants, carol, roles, at(10), '111122223333/Admin')?.grant.id, 'first', 'on a tie the grant listed first');
  assert.equal(held, 5, 'Admin at 0, 10, 45 and 95; Operator at 45 only');
});

test('remaining time reads in days, hours and minutes', () => {
  assert.equal(remainingText(at(125), T0), '2 h 5 min left');
  assert.equal(remainingText(at(59), T0), '59 min left');
  assert.equal(remainingText(at(3 * 1440 + 241), T0), '3 d 4 h left');
  assert.equal(remainingText(new Date(T0.getTime() + 30_000), T0), 'less than a minute left');
});
