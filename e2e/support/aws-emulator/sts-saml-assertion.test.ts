import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAwsError } from './test-helpers';
import {
  ATTR,
  rolePair,
  SAML_PROVIDER_ARN,
  samlErrors,
  startSamlHarness,
} from './test-saml-harness';

const minutes = (n: number): Date => new Date(Date.now() + n * 60_000);

test('Audience other than AWS (urn:amazon:webservices) → "Response does not contain the required audience"', async (t) => {
  const h = await startSamlHarness(t);
  const required = samlErrors.invalid(/^Response does not contain the required audience$/);
  await assertAwsError(h.assume({ audiences: ['https://rolegate.example.com'] }), required);
  await assertAwsError(h.assume({ audiences: [] }), required);
  const alt = await h.assume({ audiences: ['https://signin.aws.amazon.com/saml'] });
  assert.ok(alt.Credentials);
});

test('Recipient missing, not an AWS sign-in endpoint, or ≠ Destination → InvalidIdentityToken', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({ recipient: null, destination: null }),
    samlErrors.invalid(/needs both NotOnOrAfter and Recipient/),
  );
  for (const recipient of [
    'https://rolegate.example.com/saml',
    'http://signin.aws.amazon.com/saml',
    'https://signin.aws.amazon.com.evil.test/saml',
    'https://signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D558H46',
  ]) {
    await assertAwsError(h.assume({ recipient }), samlErrors.invalid(/is not accepted here/));
  }
  await assertAwsError(
    h.assume({ destination: 'https://eu-west-1.signin.aws.amazon.com/saml' }),
    samlErrors.invalid(/Destination does not match the Recipient/),
  );
});

test('SubjectConfirmationData without NotOnOrAfter → InvalidIdentityToken', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({ confirmationNotOnOrAfter: null }),
    samlErrors.invalid(/needs both NotOnOrAfter and Recipient/),
  );
});

test('two SubjectConfirmations, or a non-bearer one → InvalidIdentityToken', async (t) => {
  const h = await startSamlHarness(t);
  const twice = (xml: string): string => {
    const sc =
      /<saml:SubjectConfirmation [\s\S]*?<\/saml:SubjectConfirmation>/.exec(xml)?.[0] ?? '';
    return xml.replace(sc, sc + sc);
  };
  await assertAwsError(
    h.assume({ edit: twice }),
    samlErrors.invalid(/expected exactly one SubjectConfirmation$/),
  );
  await assertAwsError(
    h.assume({ edit: (xml) => xml.replace('cm:bearer', 'cm:holder-of-key') }),
    samlErrors.invalid(/SubjectConfirmation must be bearer/),
  );
});

test('expired Conditions or SubjectConfirmationData (past the 5-minute skew) → ExpiredTokenException', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({ notBefore: minutes(-20), notOnOrAfter: minutes(-6) }),
    samlErrors.expired(/Conditions NotOnOrAfter has passed/),
  );
  await assertAwsError(
    h.assume({ confirmationNotOnOrAfter: minutes(-6) }),
    samlErrors.expired(/SubjectConfirmationData NotOnOrAfter has passed/),
  );
  const withinSkew = await h.assume({
    notOnOrAfter: minutes(-4),
    confirmationNotOnOrAfter: minutes(-4),
  });
  assert.ok(withinSkew.Credentials);
});

test('Conditions NotBefore beyond the skew → InvalidIdentityToken (not yet valid)', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({ notBefore: minutes(6), notOnOrAfter: minutes(20) }),
    samlErrors.invalid(/not yet valid/),
  );
  assert.ok((await h.assume({ notBefore: minutes(4) })).Credentials);
});

test('the RoleArn,PrincipalArn pair must be offered by the Role attribute (either order)', async (t) => {
  const h = await startSamlHarness(t);
  const other = rolePair('rolegate-other');
  await assertAwsError(h.assume({ roles: [other] }), samlErrors.denied());
  await assertAwsError(
    h.assume({ roles: [] }),
    samlErrors.invalid(/no https:\/\/aws\.amazon\.com\/SAML\/Attributes\/Role attribute/),
  );
  await assertAwsError(
    h.assume({ roles: ['not-a-pair'] }),
    samlErrors.invalid(/malformed Role attribute value/),
  );
  const reversed = `${SAML_PROVIDER_ARN},${h.roleArn()}`;
  assert.ok((await h.assume({ roles: [other, reversed] })).Credentials);
});

test('RoleSessionName missing or not [a-zA-Z_0-9+=,.@-]{2,64} → InvalidIdentityToken (AWS text)', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({ roleSessionName: null }),
    samlErrors.invalid(/^RoleSessionName is required in AuthnResponse$/),
  );
  const text = /^RoleSessionName in AuthnResponse must match \[a-zA-Z_0-9\+=,\.@-\]\{2,64\}$/;
  for (const name of ['a', 'alice smith', 'x'.repeat(65), 'alice/bob']) {
    await assertAwsError(h.assume({ roleSessionName: name }), samlErrors.invalid(text));
  }
  const out = await h.assume({ roleSessionName: 'alice.smith@example.com' });
  assert.match(out.AssumedRoleUser?.Arn ?? '', /\/alice\.smith@example\.com$/);
});

test('no NameID → AccessDenied', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(h.assume({ nameId: null }), samlErrors.denied());
});

test('a bad SourceIdentity attribute → InvalidIdentityToken (AWS text)', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({ attributes: { [`${ATTR}SourceIdentity`]: ['aws:alice'] } }),
    samlErrors.invalid(
      /^Source Identity must match \[a-zA-Z_0-9\+=,\.@-\]\{2,64\} and not begin with "aws:"$/,
    ),
  );
});
