import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ConditionBlock } from './policy-condition';
import type { TrustPolicyInput } from './config';
import { ACCOUNT, assertAwsError } from './test-helpers';
import {
  ATTR,
  ENTITY_ID,
  rolePair,
  SAML_PROVIDER,
  SAML_PROVIDER_ARN,
  SAML_ROLE,
  samlErrors,
  samlTrustPolicy,
  startSamlHarness,
} from './test-saml-harness';

const withPolicy = (trustPolicy: TrustPolicyInput, maxSessionDuration?: number) => ({
  roles: [{ name: SAML_ROLE, trustPolicy, maxSessionDuration }],
});
const when = (condition: ConditionBlock) => withPolicy(samlTrustPolicy([], condition));
const expiresIn = (out: { Credentials?: { Expiration?: Date } }): number =>
  (out.Credentials?.Expiration?.getTime() ?? 0) - Date.now();

test('trust policy SAML:aud (= Recipient) mismatch → AccessDenied', async (t) => {
  const h = await startSamlHarness(
    t,
    when({ StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }),
  );
  assert.ok((await h.assume()).Credentials);
  await assertAwsError(
    h.assume({ recipient: 'https://eu-west-1.signin.aws.amazon.com/saml' }),
    samlErrors.denied(),
  );
});

test('SAML:sub, SAML:sub_type, SAML:iss, SAML:namequalifier and SAML:doc conditions', async (t) => {
  const qualifier = createHash('sha1')
    .update(`${ENTITY_ID}${ACCOUNT}/${SAML_PROVIDER}`)
    .digest('base64');
  const h = await startSamlHarness(
    t,
    when({
      StringEquals: {
        'SAML:sub_type': 'persistent',
        'SAML:iss': ENTITY_ID,
        'SAML:namequalifier': qualifier,
        'SAML:doc': `${ACCOUNT}/${SAML_PROVIDER}`,
      },
      StringLike: { 'SAML:sub': 'user-*' },
    }),
  );
  assert.ok((await h.assume()).Credentials);
  await assertAwsError(h.assume({ nameId: 'robot-7' }), samlErrors.denied());
  await assertAwsError(
    h.assume({ nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' }),
    samlErrors.denied(),
  );
});

test('eduPerson attributes are condition keys by OID (SAML:edupersonaffiliation)', async (t) => {
  const h = await startSamlHarness(
    t,
    when({ 'ForAnyValue:StringEquals': { 'SAML:edupersonaffiliation': 'staff' } }),
  );
  const affiliation = (values: string[]) => ({
    attributes: { 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': values },
  });
  assert.ok((await h.assume(affiliation(['member', 'staff']))).Credentials);
  await assertAwsError(h.assume(affiliation(['student'])), samlErrors.denied());
});

test('an explicit Deny wins; a statement for another provider does not apply → AccessDenied', async (t) => {
  const allow = samlTrustPolicy();
  const deny = {
    Effect: 'Deny' as const,
    Principal: { Federated: SAML_PROVIDER_ARN },
    Action: 'sts:*',
  };
  const h = await startSamlHarness(
    t,
    withPolicy({ ...allow, Statement: [...[allow.Statement].flat(), deny] }),
  );
  await assertAwsError(h.assume(), samlErrors.denied());
  const other = `arn:aws:iam::${ACCOUNT}:saml-provider/other`;
  const h2 = await startSamlHarness(
    t,
    withPolicy({
      Statement: {
        Effect: 'Allow',
        Principal: { Federated: other },
        Action: 'sts:AssumeRoleWithSAML',
      },
    }),
  );
  await assertAwsError(h2.assume(), samlErrors.denied());
});

test('a role that does not exist → AccessDenied', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({ roles: [rolePair('no-such-role')] }, { RoleArn: h.roleArn('no-such-role') }),
    samlErrors.denied(),
  );
});

test('PrincipalTag / TransitiveTagKeys need sts:TagSession; SourceIdentity needs sts:SetSourceIdentity', async (t) => {
  const tags = {
    attributes: { [`${ATTR}PrincipalTag:Dept`]: ['eng'], [`${ATTR}TransitiveTagKeys`]: ['Dept'] },
  };
  const source = { attributes: { [`${ATTR}SourceIdentity`]: ['alice'] } };
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume(tags),
    samlErrors.denied(/\(the trust policy does not allow sts:TagSession\)$/),
  );
  await assertAwsError(
    h.assume(source),
    samlErrors.denied(/\(the trust policy does not allow sts:SetSourceIdentity\)$/),
  );
  const ok = await startSamlHarness(
    t,
    withPolicy(samlTrustPolicy(['sts:TagSession', 'sts:SetSourceIdentity'])),
  );
  const out = await ok.assume(tags);
  assert.ok((out.PackedPolicySize ?? 0) > 0, 'PackedPolicySize is reported with tags');
  const cred = ok.emulator.credentials.get(out.Credentials?.AccessKeyId ?? '');
  assert.deepEqual(cred?.tags, [{ key: 'Dept', value: 'eng' }]);
  assert.deepEqual(cred?.transitiveTagKeys, ['Dept']);
  assert.equal((await ok.assume(source)).SourceIdentity, 'alice');
});

test('DurationSeconds above MaxSessionDuration → ValidationError; up to it is allowed', async (t) => {
  const h = await startSamlHarness(t, withPolicy(samlTrustPolicy(), 7200));
  await assertAwsError(
    h.assume({}, { DurationSeconds: 7201 }),
    samlErrors.validation(
      /^The requested DurationSeconds exceeds the MaxSessionDuration set for this role\.$/,
    ),
  );
  assert.ok(Math.abs(expiresIn(await h.assume({}, { DurationSeconds: 7200 })) - 7200_000) < 5000);
});

test('the API ignores SessionDuration but SessionNotOnOrAfter caps the credentials', async (t) => {
  const h = await startSamlHarness(t);
  const sessionDuration = { attributes: { [`${ATTR}SessionDuration`]: ['900'] } };
  assert.ok(Math.abs(expiresIn(await h.assume(sessionDuration)) - 3600_000) < 5000);
  const capped = await h.assume({ sessionNotOnOrAfter: new Date(Date.now() + 1200_000) });
  assert.ok(Math.abs(expiresIn(capped) - 1200_000) < 5000);
  await assertAwsError(
    h.assume({ sessionNotOnOrAfter: new Date(Date.now() - 1000) }),
    samlErrors.expired(/SessionNotOnOrAfter has passed/),
  );
});
