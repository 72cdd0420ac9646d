/**
 * The edges of the grant window, the phase shown to admins, email matching and the choice of the grant a
 * role is held through (issue 12 §8: mutation testing found them unguarded). The main rules are in
 * grants.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { effectiveWindow, grantAppliesTo, grantPhase, isGrantActive, remainingText, rolesHeldByGrants, type Grant } from './grants';

const { roles } = parseConfigText(EXAMPLE_CONFIG_YAML);
const T0 = new Date('2026-05-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ADMIN = '111122223333/Admin';
const OPS = '444455556666/Operator';
const grant = (over: Partial<Grant> = {}): Grant => ({
  id: 'g1', roleId: ADMIN, userId: 'carol', reason: 'incident 42', requestedBy: 'alice', requestedAt: T0,
  startsAt: T0, durationSeconds: 3600, requiredApprovals: 0, status: 'active', activatedAt: T0, approvals: [], ...over,
});
const carol = { userId: 'carol', claims: { idpId: 'okta', email: 'carol@example.com', emailVerified: true } };

describe('effectiveWindow', () => {
  it('runs a grant without approval from its startsAt, however late it was activated', () => {
    assert.deepEqual(effectiveWindow(grant({ activatedAt: at(3) })), { startsAt: T0, endsAt: at(60) });
    assert.deepEqual(effectiveWindow(grant({ activatedAt: undefined })), { startsAt: T0, endsAt: at(60) });
  });

  it('starts an approved grant at its startsAt when approved exactly then', () => {
    assert.deepEqual(effectiveWindow(grant({ requiredApprovals: 1, activatedAt: T0 })), { startsAt: T0, endsAt: at(60) });
  });
});

describe('isGrantActive', () => {
  it('gives nothing unless the status is active, even when the window is known and contains now', () => {
    for (const status of ['pending', 'rejected', 'revoked'] as const) assert.equal(isGrantActive(grant({ status }), at(1)), false, status);
  });

  it('refuses an "active" grant that needs approval but was never activated (inconsistent row: deny)', () => {
    assert.equal(isGrantActive(grant({ requiredApprovals: 1, activatedAt: undefined }), at(1)), false);
  });
});

describe('grantPhase', () => {
  it('shows a grant as revoked when its status says so or when it carries a revokedAt', () => {
    assert.equal(grantPhase(grant({ status: 'revoked' }), at(1)), 'revoked');
    assert.equal(grantPhase(grant({ revokedAt: at(1) }), at(2)), 'revoked');
  });

  it('shows a pending grant as pending even when its window is known, and an unactivated one as pending', () => {
    assert.equal(grantPhase(grant({ status: 'pending' }), at(1)), 'pending');
    assert.equal(grantPhase(grant({ requiredApprovals: 1, activatedAt: undefined }), at(1)), 'pending');
  });

  it('is active from the first instant of the window (start inclusive)', () => {
    assert.equal(grantPhase(grant({ startsAt: at(30) }), at(30)), 'active');
    assert.equal(grantPhase(grant({ startsAt: at(30) }), new Date(at(30).getTime() - 1)), 'scheduled');
  });
});

describe('grantAppliesTo', () => {
  it('issue 12 §1: an email grant without its IdP, or an IdP grant without an email, matches nobody', () => {
    assert.equal(grantAppliesTo({ email: 'carol@example.com' }, carol), false);
    assert.equal(grantAppliesTo({ emailIdp: 'okta' }, carol), false);
    assert.equal(grantAppliesTo({ email: 'carol@example.com', emailIdp: 'okta' }, carol), true);
  });
});

describe('rolesHeldByGrants', () => {
  it('holds a role through the grant that ends last, whatever the order of the grants', () => {
    const long = grant({ id: 'long', durationSeconds: 7200 });
    const short = grant({ id: 'short' });
    assert.deepEqual(rolesHeldByGrants([long, short], carol, roles, at(10)).map((h) => h.grant.id), ['long']);
    assert.deepEqual(rolesHeldByGrants([short, long], carol, roles, at(10)).map((h) => h.grant.id), ['long']);
  });

  it('keeps the first listed of two grants that end at the same moment', () => {
    const a = grant({ id: 'a' });
    const b = grant({ id: 'b' });
    assert.deepEqual(rolesHeldByGrants([a, b], carol, roles, at(10)).map((h) => h.grant.id), ['a']);
  });

  it('lists held roles in config order, not grant order, each with its end', () => {
    const held = rolesHeldByGrants([grant({ id: 'ops', roleId: OPS }), grant({ id: 'admin' })], carol, roles, at(10));
    assert.deepEqual(held.map((h) => [h.role.id, h.grant.id, h.endsAt.toISOString()]), [[ADMIN, 'admin', at(60).toISOString()], [OPS, 'ops', at(60).toISOString()]]);
  });

  it('gives nothing through a grant of another principal or a role gone from the config', () => {
    assert.deepEqual(rolesHeldByGrants([grant({ userId: 'dave' }), grant({ roleId: '999999999999/Gone' })], carol, roles, at(10)), []);
  });
});

describe('remainingText', () => {
  it('says "1 min left" from one full minute on, and counts whole minutes', () => {
    assert.equal(remainingText(at(1), T0), '1 min left');
    assert.equal(remainingText(new Date(at(1).getTime() - 1), T0), 'less than a minute left');
    assert.equal(remainingText(new Date(at(125).getTime() + 30_000), T0), '2 h 5 min left');
    assert.equal(remainingText(at(1440), T0), '1 d 0 h left');
  });
});

describe('grantAppliesTo: malformed sign-ins', () => {
  it('issue 12 §1: a sign-in without an IdP id never matches an email grant that names no IdP', () => {
    const noIdp = { userId: 'u9', claims: { email: 'carol@example.com', emailVerified: true } as unknown as typeof carol.claims };
    assert.equal(grantAppliesTo({ email: 'carol@example.com' }, noIdp), false);
  });
});
