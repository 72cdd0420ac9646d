/** Issuance through time-limited grants (issue 5 §3): checked at the moment of issuance, audited with the grant id. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { GatewayError } from '../errors';
import { generateSigningKey, importPrivateKey } from '../oidc/keys';
import type { Grant } from '../policy/grants';
import type { AssumeWithWebIdentityInput, StsGateway } from '../sts/gateway';
import type { IdentityClaims } from '../types';
import type { AuditRecord } from './audit-event';
import { heldRoles } from './held-roles';
import { issueCredentials, type IssuanceDeps } from './issue';
import { LOCKDOWN_OFF } from './lockdown';

const config = parseConfigText(EXAMPLE_CONFIG_YAML);
const T0 = new Date('2026-05-01T10:00:00Z');
const carol: IdentityClaims = { idpId: 'okta', issuer: 'https://example.okta.com', subject: '00u-carol', email: 'carol@example.com', emailVerified: true, groups: ['marketing'], extra: {} };
const ctx = { userId: 'u-carol', ip: '203.0.113.9', userAgent: 'test', channel: 'cli' as const };
const ROLE = '111122223333/Admin';
const isPolicyNoRole = (e: unknown) => e instanceof GatewayError && e.code === 'POLICY_NO_ROLE';

const grant = (over: Partial<Grant> = {}): Grant => ({
  id: 'g-1', roleId: ROLE, userId: 'u-carol', reason: 'incident 42', requestedBy: 'u-alice', requestedAt: T0, startsAt: T0,
  durationSeconds: 7200, requiredApprovals: 0, status: 'active', activatedAt: T0, approvals: [], ...over,
});

async function deps(grants: Grant[], clock: { now: Date }, audits: AuditRecord[], seen: AssumeWithWebIdentityInput[]): Promise<IssuanceDeps> {
  const key = await generateSigningKey();
  const signer = { kid: key.kid, key: await importPrivateKey(key.privateJwkJson) };
  const sts: StsGateway = {
    assumeRoleWithSaml: async () => { throw new Error('not expected'); },
    async assumeRoleWithWebIdentity(input) {
      seen.push(input);
      return { credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'tok', expiration: new Date(clock.now.getTime() + 900_000).toISOString() }, assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/Admin/carol', requestId: 'req-1' };
    },
  };
  return {
    config, sts, now: () => clock.now, signer: async () => signer, samlSigner: () => Promise.reject(new Error('not expected')),
    audit: async (r) => void audits.push(r),
    grants: async () => grants,
    lockdown: async () => LOCKDOWN_OFF,
  };
}

test('an active grant lets a user with no rule take the role; the issuance row names the grant', async () => {
  const audits: AuditRecord[] = [];
  const seen: AssumeWithWebIdentityInput[] = [];
  const issued = await issueCredentials(await deps([grant()], { now: new Date(T0.getTime() + 60_000) }, audits, seen), carol, ROLE, ctx);
  assert.equal(issued.granted.grant?.id, 'g-1');
  assert.deepEqual([audits[0]?.type, audits[0]?.outcome, audits[0]?.detail?.grantId], ['issuance', 'ok', 'g-1']);
  assert.equal(seen[0]?.durationSeconds, 3600, 'the role maximum while the grant has longer left');
});

test('keys issued near the end of a grant are capped to its remaining time (never under STS’s 900 s)', async () => {
  const seen: AssumeWithWebIdentityInput[] = [];
  await issueCredentials(await deps([grant()], { now: new Date(T0.getTime() + 7200_000 - 1200_000) }, [], seen), carol, ROLE, ctx);
  await issueCredentials(await deps([grant()], { now: new Date(T0.getTime() + 7200_000 - 60_000) }, [], seen), carol, ROLE, ctx);
  assert.deepEqual(seen.map((s) => s.durationSeconds), [1200, 900]);
});

test('expired, revoked, pending and other people’s grants give nothing: POLICY_NO_ROLE, audited, STS never called', async () => {
  const cases: [string, Grant, Date][] = [
    ['expired', grant(), new Date(T0.getTime() + 7200_000)],
    ['revoked', grant({ status: 'revoked', revokedAt: T0 }), new Date(T0.getTime() + 60_000)],
    ['not yet approved', grant({ requiredApprovals: 1, status: 'pending', activatedAt: undefined }), new Date(T0.getTime() + 60_000)],
    ['another user', grant({ userId: 'u-mallory' }), new Date(T0.getTime() + 60_000)],
    ['unverified email', grant({ userId: undefined, email: 'carol@example.com', emailIdp: 'okta' }), new Date(T0.getTime() + 60_000)],
    ['email verified by another IdP', grant({ userId: undefined, email: 'carol@example.com', emailIdp: 'google' }), new Date(T0.getTime() + 60_000)],
    ['email grant naming no IdP', grant({ userId: undefined, email: 'carol@example.com' }), new Date(T0.getTime() + 60_000)],
  ];
  for (const [name, g, now] of cases) {
    const audits: AuditRecord[] = [];
    const seen: AssumeWithWebIdentityInput[] = [];
    const claims = name === 'unverified email' ? { ...carol, emailVerified: false } : carol;
    await assert.rejects(issueCredentials(await deps([g], { now }, audits, seen), claims, ROLE, ctx), isPolicyNoRole, name);
    assert.deepEqual([audits.length, audits[0]?.type, audits[0]?.code, seen.length], [1, 'denial', 'POLICY_NO_ROLE', 0], name);
  }
});

test('a verified email grant works for an email not seen before the grant', async () => {
  const issued = await issueCredentials(await deps([grant({ userId: undefined, email: 'carol@example.com', emailIdp: 'okta' })], { now: new Date(T0.getTime() + 60_000) }, [], []), carol, ROLE, { ...ctx, userId: 'u-new' });
  assert.equal(issued.granted.grant?.id, 'g-1');
});

test('a role held by a rule is issued without asking the grant store, and listed without grant detail', async () => {
  const alice: IdentityClaims = { ...carol, subject: '00u-alice', email: 'alice@example.com', groups: ['aws-dev-admins'] };
  const d = await deps([], { now: T0 }, [], []);
  const issued = await issueCredentials({ ...d, grants: () => Promise.reject(new GatewayError('DB_UNAVAILABLE')) }, alice, ROLE, ctx);
  assert.equal(issued.granted.grant, undefined);
  const listed = await heldRoles({ ...d, grants: async () => [grant({ userId: 'u-carol' }), grant({ id: 'g-2', roleId: '444455556666/Operator', userId: 'u-carol' })] }, alice, 'u-carol');
  assert.deepEqual(listed.map((h) => [h.role.id, h.grant?.id]), [[ROLE, undefined], ['111122223333/ReadOnly', undefined], ['444455556666/Operator', 'g-2'], ['444455556666/ReadOnly', undefined]]);
});
