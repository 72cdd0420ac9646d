/**
 * Issue 15 §4: the issuance re-check of one role (findHeldRole) and the reverse preview (roleHolders)
 * answer as the full listing (heldRoles) does — by rule, by grant with the session capped to the grant,
 * or not at all — and the preview is bounded and lets the event loop run between slices of users.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { parseConfigText } from '../config/parse';
import type { Grant } from '../policy/grants';
import type { IdentityClaims } from '../types';
import { findHeldRole, heldRoles, type HeldRoleDeps } from './held-roles';
import { PREVIEW_MAX_USERS, PREVIEW_USERS_PER_SLICE, roleHolders } from './role-holders';

const config = parseConfigText(EXAMPLE_CONFIG_YAML.replace('  - id: prod-operators\n', '  - id: prod-operators\n    disabled: true\n'));
const T0 = new Date('2031-05-01T10:00:00Z');
const ADMIN = '111122223333/Admin';
const OPERATOR = '444455556666/Operator';
const who = (over: Partial<IdentityClaims>): IdentityClaims => ({ idpId: 'okta', issuer: 'https://example.okta.com', subject: 's', emailVerified: true, groups: [], extra: {}, ...over });
const grant = (over: Partial<Grant>): Grant => ({
  id: 'g-1', roleId: ADMIN, userId: 'u-1', reason: 'incident', requestedBy: 'u-admin', requestedAt: T0, startsAt: T0,
  durationSeconds: 1200, requiredApprovals: 0, status: 'active', activatedAt: T0, approvals: [], ...over,
});
const grants = [grant({}), grant({ id: 'g-2', roleId: OPERATOR, userId: undefined, email: 'vera@example.com', emailIdp: 'okta' }), grant({ id: 'g-3', roleId: OPERATOR, userId: 'u-2' }), grant({ id: 'g-4', roleId: '111122223333/ReadOnly', userId: 'u-2' })];
const deps = (over: Partial<HeldRoleDeps> = {}): HeldRoleDeps => ({
  config,
  grants: async (userId, email) => grants.filter((g) => g.userId === userId || (email !== undefined && g.email === email.email && g.emailIdp === email.idp)),
  now: () => new Date(T0.getTime() + 60_000),
  ...over,
});

const people: Array<[string, IdentityClaims]> = [
  ['u-1', who({ groups: ['aws-dev-admins'] })],
  ['u-1', who({ groups: ['engineering'] })],
  ['u-2', who({ groups: ['aws-prod-operators'] })],
  ['u-3', who({ email: 'vera@example.com' })],
  ['u-3', who({ email: 'vera@example.com', emailVerified: false })],
  ['u-3', who({ idpId: 'entra', email: 'vera@example.com' })],
  ['u-1', who({ idpId: 'gone', groups: ['aws-dev-admins'] })],
];

describe('findHeldRole ≡ heldRoles(...).find', () => {
  it('for every person and role: by rule, by grant (session capped to the grant), or not held', async () => {
    let byGrant = 0;
    for (const [userId, claims] of people) {
      const all = await heldRoles(deps(), claims, userId);
      for (const roleId of [...config.roles.keys(), 'nope/Nope']) {
        const one = await findHeldRole(deps(), claims, userId, roleId);
        assert.deepEqual(one, all.find((h) => h.role.id === roleId), `${userId} ${claims.groups.join()} ${roleId}`);
        if (one?.grant) byGrant++;
      }
    }
    assert.equal(byGrant, 3, 'u-1 (engineering) Admin, u-2 Operator (ReadOnly is hers by rule), u-3 Operator (verified at okta)');
  });

  it('a role a rule grants does not ask the grant store; a grant-held role asks it once', async () => {
    let asked = 0;
    const counting = deps({ grants: async (userId, email) => (asked++, deps().grants(userId, email)) });
    assert.equal((await findHeldRole(counting, who({ groups: ['aws-dev-admins'] }), 'u-1', ADMIN))?.grant, undefined);
    assert.equal(asked, 0);
    const held = await findHeldRole(counting, who({ groups: ['engineering'] }), 'u-1', ADMIN);
    assert.equal(held?.role.maxSessionDurationSeconds, 1140, 'capped to the grant’s 19 minutes left');
    assert.equal(asked, 1);
  });
});

describe('roleHolders', () => {
  it('lists the holders in the order given, with the rule or grant behind each; users without claims hold nothing', async () => {
    const candidates = [...people.map(([userId, claims], i) => ({ user: `p${i}`, userId, claims })), { user: 'none', userId: 'u-1', claims: undefined }];
    assert.deepEqual(await roleHolders(deps(), ADMIN, candidates), [
      { user: 'p0', via: ['dev-admins: group aws-dev-admins matches aws-dev-admins'] },
      { user: 'p1', via: [`grant:g-1: grant g-1 until ${new Date(T0.getTime() + 1_200_000).toISOString()}`] },
    ]);
    assert.deepEqual((await roleHolders(deps(), OPERATOR, candidates)).map((h) => h.user), ['p2', 'p3'], 'the rule is disabled; the email grant counts at okta only');
    assert.deepEqual(await roleHolders(deps(), 'nope/Nope', candidates), []);
  });

  it(`asks at most ${PREVIEW_MAX_USERS} users, and lets the event loop run every ${PREVIEW_USERS_PER_SLICE}`, async () => {
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const turnsSeen: number[] = [];
    const slow = deps({ grants: async () => (turnsSeen.push(turns), []) });
    const many = Array.from({ length: PREVIEW_MAX_USERS + 100 }, (_, i) => ({ user: i, userId: `u-${i}`, claims: who({ groups: ['engineering'] }) }));
    await roleHolders(slow, ADMIN, many);
    ticking = false;
    assert.equal(turnsSeen.length, PREVIEW_MAX_USERS);
    // Within a slice the loop does not turn; between slices it does.
    assert.equal(turnsSeen[PREVIEW_USERS_PER_SLICE - 1], turnsSeen[0]);
    assert.ok((turnsSeen[PREVIEW_USERS_PER_SLICE] ?? 0) > (turnsSeen[0] ?? 0));
    assert.ok((turnsSeen.at(-1) ?? 0) >= PREVIEW_MAX_USERS / PREVIEW_USERS_PER_SLICE - 1);
  });
});
