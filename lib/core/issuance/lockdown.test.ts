/** Lock-down (issue 5 §5): every issuance refused and audited while on, except verified break-glass admins. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { GatewayError } from '../errors';
import type { StsGateway } from '../sts/gateway';
import type { IdentityClaims } from '../types';
import type { AuditRecord } from './audit-event';
import { authorizeRole, type IssuanceDeps } from './issue';
import { isBreakGlass, LOCKDOWN_OFF, type LockdownState } from './lockdown';

const config = parseConfigText(`${EXAMPLE_CONFIG_YAML}\nadmins: { emails: [{ idp: okta, email: ann@example.com }], breakGlassEmails: [{ idp: okta, email: Ann@Example.com }] }\n`);
const ctx = { userId: 'u-1', ip: '203.0.113.9', userAgent: 'test', channel: 'web' as const };
const ROLE = '111122223333/Admin';
const claims = (email: string, emailVerified = true): IdentityClaims => ({ idpId: 'okta', issuer: 'https://example.okta.com', subject: `sub-${email}`, email, emailVerified, groups: ['aws-dev-admins'], extra: {} });
const locked: LockdownState = { enabled: true, reason: 'incident 7', since: new Date(), by: 'u-admin' };
const isLocked = (e: unknown) => e instanceof GatewayError && e.code === 'ISSUANCE_LOCKED' && e.status === 403;

function deps(state: LockdownState, audits: AuditRecord[]): IssuanceDeps {
  const sts: StsGateway = {
    assumeRoleWithWebIdentity: () => assert.fail('STS must not be called'),
    assumeRoleWithSaml: () => assert.fail('STS must not be called'),
  };
  return {
    config, sts, now: () => new Date(), grants: async () => [], lockdown: async () => state,
    signer: () => Promise.reject(new Error('not expected')), samlSigner: () => Promise.reject(new Error('not expected')),
    audit: async (r) => void audits.push(r),
  };
}

test('break-glass is a verified email on the list, compared case-insensitively', () => {
  const list = config.admins.breakGlassEmails;
  assert.deepEqual(list, [{ idp: 'okta', email: 'ann@example.com' }]);
  assert.equal(isBreakGlass(claims('ANN@example.com'), list), true);
  assert.equal(isBreakGlass(claims('ann@example.com', false), list), false, 'an unverified email never counts');
  assert.equal(isBreakGlass(claims('bob@example.com'), list), false);
  assert.equal(isBreakGlass({ idpId: 'okta', email: undefined, emailVerified: true }, list), false);
  assert.equal(isBreakGlass({ ...claims('ann@example.com'), idpId: 'google' }, list), false, 'issue 12 §1: the same email verified by another IdP is not ann');
});

test('while locked, a user who holds the role is refused with ISSUANCE_LOCKED and the refusal is audited', async () => {
  const audits: AuditRecord[] = [];
  await assert.rejects(authorizeRole(deps(locked, audits), claims('bob@example.com'), ROLE, ctx, 'issuance'), isLocked);
  assert.equal(audits.length, 1);
  assert.deepEqual([audits[0]?.type, audits[0]?.outcome, audits[0]?.code, audits[0]?.detail], ['denial', 'denied', 'ISSUANCE_LOCKED', { requestedRoleId: ROLE, purpose: 'issuance', channel: 'web' }]);
});

test('while locked, a break-glass admin still passes; an unverified claim to the same email does not', async () => {
  const audits: AuditRecord[] = [];
  const held = await authorizeRole(deps(locked, audits), claims('ann@example.com'), ROLE, ctx, 'console');
  assert.equal(held.role.id, ROLE);
  await assert.rejects(authorizeRole(deps(locked, audits), claims('ann@example.com', false), ROLE, ctx, 'console'), isLocked);
});

test('lock-down off changes nothing; a user without the role still gets POLICY_NO_ROLE', async () => {
  const audits: AuditRecord[] = [];
  assert.equal((await authorizeRole(deps(LOCKDOWN_OFF, audits), claims('bob@example.com'), ROLE, ctx, 'issuance')).role.id, ROLE);
  const outsider = { ...claims('eve@example.com'), groups: [] };
  await assert.rejects(authorizeRole(deps(LOCKDOWN_OFF, audits), outsider, ROLE, ctx, 'issuance'), (e: unknown) => e instanceof GatewayError && e.code === 'POLICY_NO_ROLE');
});
