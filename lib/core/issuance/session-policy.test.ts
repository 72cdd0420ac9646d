/** A role's session policies reach STS with every issuance, and the ledger records which applied (issue 5 §2). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { parseConfigText } from '../config/parse';
import { generateSigningKey, importPrivateKey } from '../oidc/keys';
import type { AssumeWithWebIdentityInput, StsGateway } from '../sts/gateway';
import type { IdentityClaims } from '../types';
import type { AuditRecord } from './audit-event';
import { issueCredentials } from './issue';
import { LOCKDOWN_OFF } from './lockdown';

const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}';
const ann: IdentityClaims = { idpId: 'okta', issuer: 'https://example.okta.com', subject: '00u-ann', email: 'ann@example.com', emailVerified: true, groups: ['aws-dev-admins'], extra: {} };

async function issue(roleExtra: string) {
  const config = parseConfigText(EXAMPLE_CONFIG_YAML.replace('      - name: Admin\n', `      - name: Admin\n${roleExtra}`));
  const key = await generateSigningKey();
  const signer = { kid: key.kid, key: await importPrivateKey(key.privateJwkJson) };
  const seen: AssumeWithWebIdentityInput[] = [];
  const audits: AuditRecord[] = [];
  const sts: StsGateway = {
    assumeRoleWithSaml: () => Promise.reject(new Error('not expected')),
    async assumeRoleWithWebIdentity(input) {
      seen.push(input);
      return { credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'tok', expiration: new Date(Date.now() + 900_000).toISOString() }, assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/Admin/ann', requestId: 'req-1' };
    },
  };
  const deps = { config, sts, now: () => new Date(), signer: async () => signer, samlSigner: () => Promise.reject(new Error('not expected')), audit: async (r: AuditRecord) => void audits.push(r), grants: async () => [], lockdown: async () => LOCKDOWN_OFF };
  await issueCredentials(deps, ann, '111122223333/Admin', { userId: 'u-ann', channel: 'web' });
  return { input: seen[0], detail: audits.find((a) => a.type === 'issuance')?.detail };
}

test('the inline session policy goes to STS; the ledger keeps its digest, not its text', async () => {
  const { input, detail } = await issue(`        sessionPolicy: '${POLICY}'\n`);
  assert.equal(input?.policy, POLICY);
  assert.equal(input?.policyArns, undefined);
  assert.equal(detail?.sessionPolicySha256, createHash('sha256').update(POLICY).digest('hex'));
  assert.ok(!JSON.stringify(detail).includes('s3:Get*'));
});

test('managed policy ARNs go to STS and into the ledger; a role without either sends neither', async () => {
  const { input, detail } = await issue('        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"]\n');
  assert.deepEqual(input?.policyArns, ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  assert.equal(detail?.managedPolicyArns, 'arn:aws:iam::aws:policy/ReadOnlyAccess');
  const plain = await issue('');
  assert.deepEqual([plain.input?.policy, plain.input?.policyArns, plain.detail?.sessionPolicySha256], [undefined, undefined, undefined]);
});
