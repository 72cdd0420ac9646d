import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { GatewayError } from '../errors';
import { generateSigningKey, importPrivateKey } from '../oidc/keys';
import type { AssumeWithWebIdentityInput, StsGateway } from '../sts/gateway';
import type { IdentityClaims } from '../types';
import type { AuditRecord } from './audit-event';
import { issueCredentials, sessionFacts, type IssuanceDeps } from './issue';
import { LOCKDOWN_OFF } from './lockdown';
import { generateSigningCertificate } from '../saml/certificate';

const samlKey = generateSigningCertificate({ commonName: 'rolegate-test', notBefore: new Date(Date.now() - 60_000), validDays: 30 });

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
    config, sts, now: () => new Date(), signer: async () => signer, samlSigner: () => samlKey, grants: async () => [], lockdown: async () => LOCKDOWN_OFF,
    audit: async (r) => {
      events.push(`audit:${r.type}:${r.outcome}`);
      if (failAudit) throw new Error('db down');
      audits.push(r);
    },
  };
}

const noSaml = async (): Promise<never> => {
  throw new Error('SAML delivery not expected here');
};

function fakeSts(events: string[], seen: AssumeWithWebIdentityInput[]): StsGateway {
  return {
    assumeRoleWithSaml: noSaml,
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
  assert.equal(seen[0]?.roleSessionName, 'okta=alice@example.com');
  assert.equal(issued.credentials.accessKeyId, 'ASIAEXAMPLE');
  const row = audits[0];
  assert.equal(row?.roleArn, 'arn:aws:iam::111122223333:role/Admin');
  assert.equal(row?.requestId, 'req-1');
  assert.equal(row?.ip, '203.0.113.9');
  assert.ok(!JSON.stringify(audits).includes('secret') && !JSON.stringify(audits).includes('"tok"'), 'no credentials in the audit row');
});

test('issue 12 §2: an unverified email names nobody in AWS — session name, SourceIdentity and email tag are the stable id', async () => {
  const events: string[] = [];
  const audits: AuditRecord[] = [];
  const withEmailTag = { ...config, roles: new Map([...config.roles].map(([id, r]) => [id, { ...r, sessionTags: { email: 'email' } }])) };
  const uid = '3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b';
  const mallory: IdentityClaims = { ...alice, subject: '00u-mallory', emailVerified: false };
  const d = { ...(await deps(fakeSts(events, []), events, audits)), config: withEmailTag };
  const { window: _window, ...facts } = sessionFacts({ role: withEmailTag.roles.get('111122223333/Admin')!, grantedBy: [] }, mallory, uid, new Date());
  assert.deepEqual(facts, { userId: uid, sessionName: `okta-${uid}`, sourceIdentity: `okta-${uid}`, sessionTags: { email: `okta-${uid}` } });
  await issueCredentials(d, mallory, '111122223333/Admin', { ...ctx, userId: uid });
  assert.equal(audits[0]?.detail?.sourceIdentity, `okta-${uid}`);
  assert.ok(!JSON.stringify(audits[0]?.sessionName).includes('alice'), 'the unverified email is not the session name');
  const verified = sessionFacts({ role: withEmailTag.roles.get('111122223333/Admin')!, grantedBy: [] }, alice, uid, new Date());
  assert.deepEqual([verified.sourceIdentity, verified.sessionTags], ['okta=alice@example.com', { email: 'alice@example.com' }]);
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
  const sts: StsGateway = { assumeRoleWithSaml: noSaml, assumeRoleWithWebIdentity: async () => { throw new GatewayError('STS_DENIED', 'AccessDenied'); } };
  await assert.rejects(issueCredentials(await deps(sts, events, audits), alice, '111122223333/Admin', ctx), (e: unknown) => e instanceof GatewayError && e.code === 'STS_DENIED');
  assert.equal(audits[0]?.outcome, 'failed');
  assert.equal(audits[0]?.code, 'STS_DENIED');
});

test('a SAML-delivered role goes to AssumeRoleWithSAML with a signed assertion naming the role and provider', async () => {
  const events: string[] = [];
  const audits: AuditRecord[] = [];
  let seen: { roleArn: string; principalArn: string; samlAssertion: string; durationSeconds: number } | undefined;
  const sts: StsGateway = {
    assumeRoleWithWebIdentity: async () => { throw new Error('web identity not expected'); },
    assumeRoleWithSaml: async (input) => {
      seen = input;
      return { credentials: { accessKeyId: 'ASIASAML', secretAccessKey: 's', sessionToken: 't', expiration: new Date(Date.now() + 3600_000).toISOString() }, assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/Admin/alice@example.com' };
    },
  };
  const d = await deps(sts, events, audits);
  const admin = config.roles.get('111122223333/Admin');
  assert.ok(admin);
  const roles = new Map(config.roles);
  roles.set(admin.id, { ...admin, delivery: 'saml' });
  const issued = await issueCredentials({ ...d, config: { ...config, roles } }, alice, '111122223333/Admin', ctx);
  assert.equal(issued.credentials.accessKeyId, 'ASIASAML');
  assert.equal(seen?.roleArn, 'arn:aws:iam::111122223333:role/Admin');
  assert.equal(seen?.principalArn, 'arn:aws:iam::111122223333:saml-provider/rolegate');
  const xml = Buffer.from(seen?.samlAssertion ?? '', 'base64').toString('utf8');
  assert.ok(xml.includes('arn:aws:iam::111122223333:role/Admin,arn:aws:iam::111122223333:saml-provider/rolegate'));
  assert.ok(xml.includes('<ds:SignatureValue>') || xml.includes('SignatureValue>'));
  assert.equal(audits.at(-1)?.outcome, 'ok');
  assert.equal(audits.at(-1)?.detail?.delivery, 'saml');
});
