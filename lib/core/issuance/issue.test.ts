import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { GatewayError } from '../errors';
import { generateSigningKey, importPrivateKey } from '../oidc/keys';
import type { AssumeWithWebIdentityInput, StsGateway } from '../sts/gateway';
import type { IdentityClaims } from '../types';
import type { AuditRecord } from './audit-event';
import { issueCredentials, type IssuanceDeps } from './issue';

const config = parseConfigText(EXAMPLE_CONFIG_YAML);
const alice: IdentityClaims = {
  idpId: 'okta', issuer: 'https://example.okta.com', subject: '00u-alice', email: 'alice@example.com', emailVerified: true,
  groups: ['aws-dev-admins'], extra: { department: 'platform' },
};
const ctx = { userId: 'user-1', ip: '203.0.113.9', userAgent: 'test', channel: 'web' as const };

async function deps(sts: StsGateway, events: string[], audits: AuditRecord[], failAudit = false): Promise<IssuanceDeps> {
  const key = await generateSigningKey();
  const signer = { kid: key.kid, key: await importPrivateKey(key.privateJwkJson) };
  return {
    config, sts, now: () => new Date(), signer: async () => signer,
    audit: async (r) => {
      events.push(`audit:${r.type}:${r.outcome}`);
      if (failAudit) throw new Error('db down');
      audits.push(r);
    },
  };
}

function fakeSts(events: string[], seen: AssumeWithWebIdentityInput[]): StsGateway {
  return {
    async assumeRoleWithWebIdentity(input) {
      events.push('sts');
      seen.push(input);
      return { credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'tok', expiration: new Date(Date.now() + 3600_000).toISOString() }, assumedRoleArn: `arn:aws:sts::111122223333:assumed-role/Admin/${input.roleSessionName}`, requestId: 'req-1' };
    },
  };
}

test('issues for a held role: token to STS with the role settings, audit written before returning', async () => {
  const events: string[] = [];
  const seen: AssumeWithWebIdentityInput[] = [];
  const audits: AuditRecord[] = [];
  const issued = await issueCredentials(await deps(fakeSts(events, seen), events, audits), alice, '111122223333/Admin', ctx);
  assert.deepEqual(events, ['sts', 'audit:issuance:ok']);
  assert.equal(seen[0]?.roleArn, 'arn:aws:iam::111122223333:role/Admin');
  assert.equal(seen[0]?.region, 'eu-west-1');
  assert.equal(seen[0]?.durationSeconds, 3600);
  assert.equal(seen[0]?.roleSessionName, 'alice@example.com');
  assert.equal(issued.credentials.accessKeyId, 'ASIAEXAMPLE');
  const row = audits[0];
  assert.equal(row?.roleArn, 'arn:aws:iam::111122223333:role/Admin');
  assert.equal(row?.requestId, 'req-1');
  assert.equal(row?.ip, '203.0.113.9');
  assert.ok(!JSON.stringify(audits).includes('secret') && !JSON.stringify(audits).includes('"tok"'), 'no credentials in the audit row');
});

test('a role the user does not hold is refused with POLICY_NO_ROLE, audited, and STS is never called', async () => {
  const events: string[] = [];
  const audits: AuditRecord[] = [];
  const d = await deps(fakeSts(events, []), events, audits);
  await assert.rejects(issueCredentials(d, alice, '444455556666/Operator', ctx), (e: unknown) => e instanceof GatewayError && e.code === 'POLICY_NO_ROLE');
  await assert.rejects(issueCredentials(d, { ...alice, groups: [] }, '111122223333/Admin', ctx), (e: unknown) => e instanceof GatewayError && e.code === 'POLICY_NO_ROLE');
  assert.deepEqual(events, ['audit:denial:denied', 'audit:denial:denied']);
  assert.equal(audits[0]?.code, 'POLICY_NO_ROLE');
  assert.equal(audits[0]?.roleArn, 'arn:aws:iam::444455556666:role/Operator');
});

test('if the audit row cannot be written, the credentials never leave', async () => {
  const events: string[] = [];
  await assert.rejects(issueCredentials(await deps(fakeSts(events, []), events, [], true), alice, '111122223333/Admin', ctx), /db down/);
});

test('an STS failure is audited with its code and rethrown', async () => {
  const events: string[] = [];
  const audits: AuditRecord[] = [];
  const sts: StsGateway = { assumeRoleWithWebIdentity: async () => { throw new GatewayError('STS_DENIED', 'AccessDenied'); } };
  await assert.rejects(issueCredentials(await deps(sts, events, audits), alice, '111122223333/Admin', ctx), (e: unknown) => e instanceof GatewayError && e.code === 'STS_DENIED');
  assert.equal(audits[0]?.outcome, 'failed');
  assert.equal(audits[0]?.code, 'STS_DENIED');
});
