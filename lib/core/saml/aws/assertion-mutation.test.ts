/**
 * Issue 12 §8: tests that can tell for ./assertion — the checks it adds around the document: the
 * sign-in URL's partition must be the roles' (AWS-FACTS §1.2, §1.4 partitions), http only for the
 * demo, and STS's 100 000-character SAMLAssertion limit at its exact boundary (AWS-FACTS §1.1).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../errors';
import { buildAwsSamlResponse, MAX_BASE64_LENGTH, type AwsSamlResponseInput } from './assertion';
import { input, parse, PROVIDER, select } from './test-fixtures';

const GOV_ROLE = {
  roleArn: 'arn:aws-us-gov:iam::123456789012:role/A',
  providerArn: 'arn:aws-us-gov:iam::123456789012:saml-provider/R',
};
const CN_ROLE = {
  roleArn: 'arn:aws-cn:iam::123456789012:role/A',
  providerArn: 'arn:aws-cn:iam::123456789012:saml-provider/R',
};

function throwsExactly(fn: () => unknown, code: string, message: string, detail: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof GatewayError);
    assert.equal(e.code, code);
    assert.equal(e.message, message);
    assert.equal(e.publicDetail, detail);
    return true;
  });
}

const destination = (xml: string): string =>
  String(select('string(/samlp:Response/@Destination)', parse(xml)));

test('issue 12 §8: a sign-in URL of another partition than the roles is refused (one Response, one partition)', async () => {
  const cases: Partial<AwsSamlResponseInput>[] = [
    { recipient: 'https://signin.amazonaws-us-gov.com/saml' },
    { recipient: 'https://signin.amazonaws.cn/saml' },
    { recipient: 'https://signin.aws.amazon.com/saml', roles: [GOV_ROLE] },
    { recipient: 'https://us-gov-west-1.signin.amazonaws-us-gov.com/saml', roles: [CN_ROLE] },
  ];
  for (const overrides of cases) {
    const bad = await input(overrides);
    throwsExactly(
      () => buildAwsSamlResponse(bad),
      'AWS_VALUE_INVALID',
      'recipient and roles are in different partitions',
      'the AWS sign-in URL belongs to another partition than the roles',
    );
  }
});

test("issue 12 §8: regional sign-in URLs of the roles' partition and unknown hosts (the emulator) are accepted", async () => {
  const cases: Partial<AwsSamlResponseInput>[] = [
    { recipient: 'https://eu-west-1.signin.aws.amazon.com/saml' },
    { recipient: 'https://signin.amazonaws-us-gov.com/saml', roles: [GOV_ROLE] },
    { recipient: 'https://cn-north-1.signin.amazonaws.cn/saml', roles: [CN_ROLE] },
    { recipient: 'https://aws-emulator.example.test/saml', roles: [GOV_ROLE] },
    { recipient: 'https://aws-emulator.example.test/saml', roles: [CN_ROLE] },
  ];
  for (const overrides of cases) {
    const xml = buildAwsSamlResponse(await input(overrides));
    assert.equal(destination(xml), overrides.recipient);
  }
});

test('issue 12 §8: http is refused for the issuer and for the recipient alike unless allowHttp', async () => {
  const base = await input();
  throwsExactly(
    () => buildAwsSamlResponse({ ...base, recipient: 'http://127.0.0.1:4566/saml' }),
    'SAML_ATTRIBUTE_INVALID',
    'recipient: it must be an https URL',
    'recipient: it must be an https URL',
  );
  throwsExactly(
    () => buildAwsSamlResponse({ ...base, issuer: 'http://localhost:3000/saml/idp' }),
    'SAML_ATTRIBUTE_INVALID',
    'issuer: it must be an https URL',
    'issuer: it must be an https URL',
  );
  throwsExactly(
    () =>
      buildAwsSamlResponse({ ...base, recipient: 'http://127.0.0.1:4566/saml', allowHttp: false }),
    'SAML_ATTRIBUTE_INVALID',
    'recipient: it must be an https URL',
    'recipient: it must be an https URL',
  );
  const xml = buildAwsSamlResponse({
    ...base,
    recipient: 'http://127.0.0.1:4566/saml',
    allowHttp: true,
  });
  assert.equal(destination(xml), 'http://127.0.0.1:4566/saml');
});
/**
 * An input whose signed response is `pathChars` role-path characters long on top of 100 roles and 50
 * full-size tags; the signed size grows by exactly one byte per path character.
 */
async function sized(pathChars: number): Promise<AwsSamlResponseInput> {
  const roles = Array.from({ length: 100 }, (_, i) => {
    const len = Math.floor(pathChars / 100) + (i < pathChars % 100 ? 1 : 0);
    const path = len > 0 ? `${'p'.repeat(len)}/` : '';
    return {
      roleArn: `arn:aws:iam::123456789012:role/${path}R${String(i).padStart(3, '0')}`,
      providerArn: PROVIDER,
    };
  });
  const principalTags = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [
      `${String(i).padStart(2, '0')}`.padEnd(128, 'k'),
      'v'.repeat(256),
    ]),
  );
  return input({ roles, principalTags });
}

test('issue 12 §8: STS takes a SAMLAssertion of exactly 100 000 base64 characters, not one block more', async () => {
  assert.equal(MAX_BASE64_LENGTH, 100_000);
  // Every role path is ≥ 2 characters in both measurements, so each adds the same "/" separator.
  const start = 200;
  const bytes0 = Buffer.byteLength(buildAwsSamlResponse(await sized(start)));
  const limitBytes = (MAX_BASE64_LENGTH / 4) * 3;
  const atLimit = start + (limitBytes - bytes0);
  assert.ok(
    atLimit > start && atLimit < 100 * 510,
    `tune the fixture: ${bytes0} bytes at ${start}`,
  );
  const xml = buildAwsSamlResponse(await sized(atLimit));
  assert.equal(Buffer.byteLength(xml), limitBytes);
  // One byte more needs one more base64 block: 100 004 characters.
  const over = await sized(atLimit + 1);
  throwsExactly(
    () => buildAwsSamlResponse(over),
    'SAML_TOO_LARGE',
    'SAML response is 100004 base64 chars',
    'too many roles or session tags for one AWS sign-in',
  );
});
