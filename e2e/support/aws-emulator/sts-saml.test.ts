import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ACCOUNT, assertAwsError } from './test-helpers';
import {
  ATTR,
  AWS_SIGNIN_SAML,
  ENTITY_ID,
  SAML_PROVIDER,
  SAML_ROLE,
  samlErrors,
  samlResponse,
  samlTrustPolicy,
  startSamlHarness,
} from './test-saml-harness';

const invalidToken = samlErrors.invalid;

test('AssumeRoleWithSAML through the SDK: AWS response shape, and the credentials work', async (t) => {
  const h = await startSamlHarness(t);
  const out = await h.assume();
  assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/${SAML_ROLE}/alice`);
  assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z0-9]{17}:alice$/);
  assert.equal(out.Subject, 'user-123');
  assert.equal(out.SubjectType, 'persistent');
  assert.equal(out.Issuer, ENTITY_ID);
  assert.equal(out.Audience, AWS_SIGNIN_SAML, 'Audience is the Recipient');
  const qualifier = createHash('sha1')
    .update(`${ENTITY_ID}${ACCOUNT}/${SAML_PROVIDER}`)
    .digest('base64');
  assert.equal(out.NameQualifier, qualifier);
  assert.equal(out.SourceIdentity, undefined);
  assert.equal(out.PackedPolicySize, undefined, 'no tags, no packed policy');
  const creds = out.Credentials;
  assert.ok(creds);
  assert.ok(creds.AccessKeyId?.startsWith('ASIA'));
  assert.ok(Math.abs((creds.Expiration?.getTime() ?? 0) - Date.now() - 3600_000) < 5000);
  const client = new STSClient({
    region: 'us-east-1',
    endpoint: h.emulator.url,
    maxAttempts: 1,
    credentials: {
      accessKeyId: creds.AccessKeyId ?? '',
      secretAccessKey: creds.SecretAccessKey ?? '',
      sessionToken: creds.SessionToken ?? '',
    },
  });
  const me = await client.send(new GetCallerIdentityCommand({}));
  assert.equal(me.Arn, out.AssumedRoleUser?.Arn);
  assert.equal(me.Account, ACCOUNT);
});

test('a signature on the Response, on the Assertion or on both is accepted', async (t) => {
  const h = await startSamlHarness(t);
  for (const sign of ['response', 'assertion', 'both'] as const) {
    const out = await h.assume({ sign });
    assert.equal(out.Subject, 'user-123', sign);
  }
});

test('regional, GovCloud, China and the emulator /saml recipients are accepted', async (t) => {
  const h = await startSamlHarness(t, {
    roles: [{ name: SAML_ROLE, trustPolicy: samlTrustPolicy([], null) }],
  });
  const recipients = [
    'https://eu-west-1.signin.aws.amazon.com/saml',
    'https://signin.aws.amazon.com/static/saml',
    'https://signin.amazonaws-us-gov.com/saml',
    'https://signin.amazonaws.cn/saml',
    `${h.emulator.url}/saml`,
  ];
  for (const recipient of recipients) {
    const out = await h.assume({ recipient });
    assert.equal(out.Audience, recipient);
  }
});

test('a replayed response is accepted again (AWS behaviour unverified; documented)', async (t) => {
  const h = await startSamlHarness(t);
  const response = await samlResponse();
  await h.assume(response);
  const again = await h.assume(response);
  assert.ok(again.Credentials?.AccessKeyId);
});

test('a transient NameID and a source identity are echoed', async (t) => {
  const h = await startSamlHarness(t, {
    roles: [{ name: SAML_ROLE, trustPolicy: samlTrustPolicy(['sts:SetSourceIdentity']) }],
  });
  const out = await h.assume({
    nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
    attributes: { [`${ATTR}SourceIdentity`]: ['alice@example.com'] },
  });
  assert.equal(out.SubjectType, 'transient');
  assert.equal(out.SourceIdentity, 'alice@example.com');
});

test('unknown PrincipalArn → InvalidIdentityToken "Specified provider doesn\'t exist"', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({}, { PrincipalArn: `arn:aws:iam::${ACCOUNT}:saml-provider/other` }),
    invalidToken(/^Specified provider doesn't exist$/),
  );
});

test('Issuer other than the metadata entityID → InvalidIdentityToken', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({ issuer: 'https://evil.test/saml' }),
    invalidToken(/^Issuer not present in specified provider$/),
  );
});

test('DOCTYPE, non-base64, non-XML and non-Response input → InvalidIdentityToken', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(h.assume({ doctype: true }), invalidToken(/DOCTYPE is not allowed/));
  await assertAwsError(h.assume('not base64!'), invalidToken(/not base64/));
  const notXml = Buffer.from('<samlp:Response><unclosed>').toString('base64');
  await assertAwsError(h.assume(notXml), invalidToken(/not well-formed XML/));
  const other = Buffer.from('<a xmlns="urn:x"/>').toString('base64');
  await assertAwsError(h.assume(other), invalidToken(/not a SAML 2.0 samlp:Response/));
  const failed = await samlResponse({
    tamper: (xml) => xml.replace('status:Success', 'status:Requester'),
  });
  await assertAwsError(h.assume(failed), invalidToken(/status is not Success/));
});

test('SAMLAssertion shorter than 4 characters → ValidationError', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(h.assume('abc'), {
    name: 'ValidationError',
    status: 400,
    message:
      /'sAMLAssertion' failed to satisfy constraint: Member must have length greater than or equal to 4/,
  });
});
