import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { GatewayError, type GatewayErrorCode } from '../errors';
import { checkGrantRequest, checkRevoke, countApprovals, decideGrant, GRANT_LIMITS, type GrantActor, type GrantRequestInput } from './grant-rules';
import type { Grant } from './grants';

const { roles } = parseConfigText(EXAMPLE_CONFIG_YAML);
const now = new Date('2026-05-01T10:00:00Z');
const alice: GrantActor = { userId: 'alice', email: 'alice@example.com', isAdmin: true };
const gina: GrantActor = { userId: 'gina', email: 'gina@example.com', isAdmin: true };
const hank: GrantActor = { userId: 'hank', email: 'hank@example.com', isAdmin: true };
const input = (over: Partial<GrantRequestInput> = {}): GrantRequestInput => ({
  roleId: '111122223333/Admin', email: 'Carol@Example.com', emailIdp: 'okta', reason: '  incident 42 ', startsAt: now, durationSeconds: 3600, requiredApprovals: 1, ...over,
});
const ctx = { roles, idpIds: ['okta', 'google'], requester: alice, now };
const code = (c: GatewayErrorCode) => (e: unknown) => e instanceof GatewayError && e.code === c;

test('a valid request is normalised: email lower-cased, reason trimmed, pending until approved', () => {
  const g = checkGrantRequest(input(), ctx);
  assert.deepEqual([g.email, g.emailIdp, g.userId, g.reason, g.status, g.activatedAt, g.requestedBy, g.requestedByEmail], ['carol@example.com', 'okta', undefined, 'incident 42', 'pending', undefined, 'alice', 'alice@example.com']);
  assert.equal(checkGrantRequest(input({ email: undefined, userId: 'carol', emailIdp: 'okta' }), ctx).emailIdp, undefined, 'a user grant has no email IdP');
  const direct = checkGrantRequest(input({ requiredApprovals: 0, endsAt: new Date(now.getTime() + 7200_000), durationSeconds: undefined }), ctx);
  assert.deepEqual([direct.status, direct.activatedAt, direct.durationSeconds], ['active', now, 7200]);
});

test('bounds: each bad request is refused with its typed code', () => {
  const day = 86400_000;
  assert.throws(() => checkGrantRequest(input({ roleId: '111122223333/Nope' }), ctx), code('GRANT_ROLE_UNKNOWN'));
  assert.throws(() => checkGrantRequest(input({ userId: 'carol' }), ctx), code('GRANT_INVALID'), 'both user and email');
  assert.throws(() => checkGrantRequest(input({ email: undefined }), ctx), code('GRANT_INVALID'), 'neither user nor email');
  assert.throws(() => checkGrantRequest(input({ email: 'not-an-email' }), ctx), code('GRANT_INVALID'));
  assert.throws(() => checkGrantRequest(input({ emailIdp: undefined }), ctx), (e: unknown) => code('GRANT_INVALID')(e) && (e as GatewayError).publicDetail === 'name the IdP that verifies the email', 'issue 12 §1: an email alone');
  assert.throws(() => checkGrantRequest(input({ emailIdp: 'nope' }), ctx), code('GRANT_INVALID'), 'an unknown IdP');
  assert.throws(() => checkGrantRequest(input({ reason: '   ' }), ctx), code('GRANT_INVALID'), 'reason required');
  assert.throws(() => checkGrantRequest(input({ reason: 'x'.repeat(GRANT_LIMITS.maxReasonLength + 1) }), ctx), code('GRANT_INVALID'));
  assert.throws(() => checkGrantRequest(input({ requiredApprovals: 6 }), ctx), code('GRANT_INVALID'));
  assert.throws(() => checkGrantRequest(input({ requiredApprovals: -1 }), ctx), code('GRANT_INVALID'));
  assert.throws(() => checkGrantRequest(input({ endsAt: now, durationSeconds: undefined }), ctx), code('GRANT_INVALID'), 'endsAt must be after startsAt');
  assert.throws(() => checkGrantRequest(input({ endsAt: new Date(now.getTime() - 1000), durationSeconds: undefined }), ctx), code('GRANT_INVALID'));
  assert.throws(() => checkGrantRequest(input({ endsAt: new Date(now.getTime() + 3600_000) }), ctx), code('GRANT_INVALID'), 'both end and duration');
  assert.throws(() => checkGrantRequest(input({ durationSeconds: undefined }), ctx), code('GRANT_INVALID'), 'no end at all');
  assert.throws(() => checkGrantRequest(input({ durationSeconds: 60 }), ctx), code('GRANT_INVALID'), 'too short');
  assert.throws(() => checkGrantRequest(input({ durationSeconds: 30 * 86400 + 1 }), ctx), code('GRANT_INVALID'), 'longer than 30 days');
  assert.ok(checkGrantRequest(input({ durationSeconds: 30 * 86400 }), ctx));
  assert.throws(() => checkGrantRequest(input({ durationSeconds: 2 * 86400 }), { ...ctx, maxDurationSeconds: 86400 }), code('GRANT_INVALID'), 'a configured lower maximum');
  assert.throws(() => checkGrantRequest(input({ startsAt: new Date(now.getTime() - day) }), ctx), code('GRANT_INVALID'), 'start in the past');
  assert.throws(() => checkGrantRequest(input({ startsAt: new Date(now.getTime() + 91 * day) }), ctx), code('GRANT_INVALID'));
  assert.throws(() => checkGrantRequest(input({ startsAt: new Date(Number.NaN) }), ctx), code('GRANT_INVALID'));
  assert.throws(() => checkGrantRequest(input(), { ...ctx, requester: { ...alice, isAdmin: false } }), code('FORBIDDEN'));
});

test('a grant to oneself (by user id or verified email) needs at least one approval', () => {
  assert.throws(() => checkGrantRequest(input({ email: undefined, userId: 'alice', requiredApprovals: 0 }), ctx), code('GRANT_SELF_APPROVAL'));
  assert.throws(() => checkGrantRequest(input({ email: 'ALICE@example.com', requiredApprovals: 0 }), ctx), code('GRANT_SELF_APPROVAL'));
  assert.equal(checkGrantRequest(input({ email: 'alice@example.com', requiredApprovals: 1 }), ctx).status, 'pending');
});

const pending = (over: Partial<Grant> = {}): Grant => ({ ...checkGrantRequest(input({ requiredApprovals: 2 }), ctx), id: 'g1', approvals: [], ...over });
const later = new Date(now.getTime() + 600_000);

test('the requester cannot decide their own grant, also not with the same verified email at another IdP', () => {
  assert.throws(() => decideGrant(pending(), alice, 'approve', later), code('GRANT_SELF_APPROVAL'));
  assert.throws(() => decideGrant(pending(), alice, 'reject', later), code('GRANT_SELF_APPROVAL'));
  assert.throws(() => decideGrant(pending(), { userId: 'alice-at-google', email: 'alice@example.com', isAdmin: true }, 'approve', later), code('GRANT_SELF_APPROVAL'));
});

test('the grantee cannot approve a grant that gives them the role, by user id or email', () => {
  const toCarolEmail = pending();
  assert.throws(() => decideGrant(toCarolEmail, { userId: 'carol', email: 'carol@example.com', isAdmin: true }, 'approve', later), code('GRANT_SELF_APPROVAL'));
  const toGina = pending({ email: undefined, userId: 'gina' });
  assert.throws(() => decideGrant(toGina, gina, 'approve', later), code('GRANT_SELF_APPROVAL'));
});

test('only admins decide, only pending grants are decided', () => {
  assert.throws(() => decideGrant(pending(), { ...gina, isAdmin: false }, 'approve', later), code('FORBIDDEN'));
  assert.throws(() => decideGrant(pending({ status: 'active', activatedAt: now }), gina, 'approve', later), code('GRANT_STATE_CONFLICT'));
  assert.throws(() => decideGrant(pending({ status: 'revoked' }), gina, 'approve', later), code('GRANT_STATE_CONFLICT'));
  assert.throws(() => decideGrant(pending({ status: 'rejected' }), gina, 'approve', later), code('GRANT_STATE_CONFLICT'));
});

test('each approver counts once; the N-th distinct approval activates the grant at that moment', () => {
  const first = decideGrant(pending(), gina, 'approve', later);
  assert.deepEqual(first, { decision: 'approve', status: 'pending', approvals: 1 });
  const once = pending({ approvals: [{ approverUserId: 'gina', decision: 'approve', at: later }] });
  assert.throws(() => decideGrant(once, gina, 'approve', later), code('GRANT_ALREADY_DECIDED'), 'a double approval is refused, not counted');
  assert.equal(countApprovals({ approvals: [...once.approvals, ...once.approvals] }), 1, 'duplicates in storage still count once');
  assert.deepEqual(decideGrant(once, hank, 'approve', later), { decision: 'approve', status: 'active', activatedAt: later, approvals: 2 });
  const viaEmail = pending({ approvals: [{ approverUserId: 'gina', approverEmail: 'gina@example.com', decision: 'approve', at: later }] });
  assert.throws(() => decideGrant(viaEmail, { ...gina, userId: 'gina-at-okta' }, 'approve', later), code('GRANT_ALREADY_DECIDED'), 'the same person through another IdP counts once');
  assert.equal(countApprovals({ approvals: [viaEmail.approvals[0]!, { approverUserId: 'gina-at-okta', approverEmail: 'gina@example.com', decision: 'approve', at: later }] }), 1);
});

test('one rejection rejects the grant', () => {
  const once = pending({ approvals: [{ approverUserId: 'gina', decision: 'approve', at: later }] });
  assert.equal(decideGrant(once, hank, 'reject', later).status, 'rejected');
});

test('revocation: pending and active grants can be revoked; revoked and rejected cannot; non-admins never', () => {
  assert.doesNotThrow(() => checkRevoke(pending(), alice));
  assert.doesNotThrow(() => checkRevoke(pending({ status: 'active' }), gina));
  assert.throws(() => checkRevoke(pending({ status: 'revoked' }), alice), code('GRANT_STATE_CONFLICT'));
  assert.throws(() => checkRevoke(pending({ status: 'rejected' }), alice), code('GRANT_STATE_CONFLICT'));
  assert.throws(() => checkRevoke(pending(), { ...alice, isAdmin: false }), code('FORBIDDEN'));
});

test('the config bounds the longest grant to 1–30 days', () => {
  assert.equal(parseConfigText(`${EXAMPLE_CONFIG_YAML}grants:\n  maxDays: 7\n`).grants.maxDays, 7);
  assert.equal(parseConfigText(EXAMPLE_CONFIG_YAML).grants.maxDays, 30);
  assert.throws(() => parseConfigText(`${EXAMPLE_CONFIG_YAML}grants:\n  maxDays: 31\n`), (e: unknown) => e instanceof ConfigError);
  assert.throws(() => parseConfigText(`${EXAMPLE_CONFIG_YAML}grants:\n  maxDays: 0\n`), (e: unknown) => e instanceof ConfigError);
});
