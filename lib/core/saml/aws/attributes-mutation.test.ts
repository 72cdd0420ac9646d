/**
 * Issue 12 §8: tests that can tell for ./attributes — the AWS attributes of our assertion, their
 * order and every limit AWS sets on them (AWS-FACTS §1.1 session tags / SourceIdentity /
 * DurationSeconds, §1.2 attribute names), each pinned by the exact code and public detail.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError, type GatewayErrorCode } from '../../errors';
import { awsSamlAttributes, MAX_SESSION_TAGS, type AwsAttributeInput } from './attributes';
import { AWS_ATTRIBUTE } from './names';

const ROLE = 'arn:aws:iam::123456789012:role/Admin';
const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/Rolegate';
const BASE: AwsAttributeInput = {
  roles: [{ roleArn: ROLE, providerArn: PROVIDER }],
  roleSessionName: 'alice@example.com',
};
const FORBIDDEN =
  'it contains a character that is not allowed in a SAML value ' +
  '(<, >, &, quotes, comma, line breaks or other control characters)';
const TAG_KEY_RULE =
  'a session tag key must be 1–128 letters, digits, spaces or _.:/=+-@ and not start with aws:';
const TAG_VALUE_RULE =
  'a session tag value must be at most 256 letters, digits, spaces or _.:/=+-@';

function rejects(
  overrides: Partial<AwsAttributeInput>,
  code: GatewayErrorCode,
  expect: { message?: string; detail: string },
): void {
  assert.throws(
    () => awsSamlAttributes({ ...BASE, ...overrides }),
    (e: unknown) => {
      assert.ok(e instanceof GatewayError);
      assert.equal(e.code, code);
      if (expect.message !== undefined) assert.equal(e.message, expect.message);
      assert.equal(e.publicDetail, expect.detail);
      return true;
    },
  );
}

/** A SAML-character rejection: message and public detail are both `field: rule`. */
function unsafe(overrides: Partial<AwsAttributeInput>, field: string): void {
  rejects(overrides, 'SAML_ATTRIBUTE_INVALID', {
    message: `${field}: ${FORBIDDEN}`,
    detail: `${field}: ${FORBIDDEN}`,
  });
}

const tags = (n: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]));

test('issue 12 §8: Role and RoleSessionName only, when nothing optional is given (partition of the roles)', () => {
  assert.deepEqual(awsSamlAttributes(BASE), {
    partition: 'aws',
    attributes: [
      { name: AWS_ATTRIBUTE.role, values: [`${ROLE},${PROVIDER}`] },
      { name: AWS_ATTRIBUTE.roleSessionName, values: ['alice@example.com'] },
    ],
  });
  const gov = awsSamlAttributes({
    ...BASE,
    roles: [
      {
        roleArn: 'arn:aws-us-gov:iam::123456789012:role/A',
        providerArn: 'arn:aws-us-gov:iam::123456789012:saml-provider/R',
      },
    ],
  });
  assert.equal(gov.partition, 'aws-us-gov');
});

test('issue 12 §8: every AWS attribute in document order, tags one attribute each, transitive keys in one', () => {
  const out = awsSamlAttributes({
    ...BASE,
    sessionDurationSeconds: 900,
    principalTags: { Team: 'blue team', 'cost-center': '' },
    transitiveTagKeys: ['cost-center', 'Team'],
    sourceIdentity: 'alice',
  });
  assert.deepEqual(out.attributes, [
    { name: AWS_ATTRIBUTE.role, values: [`${ROLE},${PROVIDER}`] },
    { name: AWS_ATTRIBUTE.roleSessionName, values: ['alice@example.com'] },
    { name: AWS_ATTRIBUTE.sessionDuration, values: ['900'] },
    { name: `${AWS_ATTRIBUTE.principalTagPrefix}Team`, values: ['blue team'] },
    { name: `${AWS_ATTRIBUTE.principalTagPrefix}cost-center`, values: [''] },
    { name: AWS_ATTRIBUTE.transitiveTagKeys, values: ['cost-center', 'Team'] },
    { name: AWS_ATTRIBUTE.sourceIdentity, values: ['alice'] },
  ]);
});

test('issue 12 §8: RoleSessionName passes the SAML guard, then AWS [\\w+=,.@-]{2,64}', () => {
  unsafe({ roleSessionName: 'a<b' }, 'RoleSessionName');
  const rule = 'RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-';
  rejects({ roleSessionName: 'a' }, 'AWS_VALUE_INVALID', { detail: rule });
  rejects({ roleSessionName: 'a b' }, 'AWS_VALUE_INVALID', { detail: rule });
});

test('issue 12 §8: SessionDuration is 900–43200 whole seconds (AWS-FACTS §1.2)', () => {
  const rule = 'a session duration must be a whole number of seconds from 900 to 43200';
  for (const d of [899, 43_201, 0, 1800.5])
    rejects({ sessionDurationSeconds: d }, 'AWS_VALUE_INVALID', { detail: rule });
  assert.deepEqual(awsSamlAttributes({ ...BASE, sessionDurationSeconds: 43_200 }).attributes[2], {
    name: AWS_ATTRIBUTE.sessionDuration,
    values: ['43200'],
  });
});

test('issue 12 §8: at most 50 session tags; the 51st is refused with the limit named', () => {
  assert.equal(MAX_SESSION_TAGS, 50);
  assert.equal(awsSamlAttributes({ ...BASE, principalTags: tags(50) }).attributes.length, 52);
  rejects({ principalTags: tags(51) }, 'AWS_VALUE_INVALID', {
    message: 'too many principal tags',
    detail: 'at most 50 session tags are allowed',
  });
});

test('issue 12 §8: a tag key or value with markup is refused naming its position', () => {
  unsafe({ principalTags: { A: 'x', 'b<': 'y' } }, 'principalTags key #2');
  unsafe({ principalTags: { A: 'x', B: 'y"' } }, 'principalTags value #2');
  unsafe({ principalTags: { 'a,': 'x' } }, 'principalTags key #1');
});

test('issue 12 §8: tag keys follow AWS tagKeyType (1–128, no aws:), values tagValueType (0–256)', () => {
  rejects({ principalTags: { '': 'x' } }, 'AWS_VALUE_INVALID', { detail: TAG_KEY_RULE });
  rejects({ principalTags: { 'aws:team': 'x' } }, 'AWS_VALUE_INVALID', { detail: TAG_KEY_RULE });
  rejects({ principalTags: { ['k'.repeat(129)]: 'x' } }, 'AWS_VALUE_INVALID', {
    detail: TAG_KEY_RULE,
  });
  rejects({ principalTags: { Team: 'v'.repeat(257) } }, 'AWS_VALUE_INVALID', {
    detail: TAG_VALUE_RULE,
  });
  rejects({ principalTags: { Team: 'semi;colon' } }, 'AWS_VALUE_INVALID', {
    detail: TAG_VALUE_RULE,
  });
  const ok = awsSamlAttributes({ ...BASE, principalTags: { ['k'.repeat(128)]: 'v'.repeat(256) } });
  assert.deepEqual(ok.attributes[2]?.values, ['v'.repeat(256)]);
});

test('issue 12 §8: tag keys are case-insensitive at AWS, so two spellings of one key are refused', () => {
  const dup = {
    message: 'duplicate principal tag key',
    detail: 'two session tag keys differ only in case',
  };
  rejects({ principalTags: { Team: 'a', team: 'b' } }, 'AWS_VALUE_INVALID', dup);
  rejects({ principalTags: { team: 'a', TEAM: 'b' } }, 'AWS_VALUE_INVALID', dup);
});

test('issue 12 §8: at most 50 transitive tag keys, checked before anything else about them', () => {
  const fifty = Object.keys(tags(50));
  const out = awsSamlAttributes({ ...BASE, principalTags: tags(50), transitiveTagKeys: fifty });
  assert.deepEqual(out.attributes.at(-1), { name: AWS_ATTRIBUTE.transitiveTagKeys, values: fifty });
  rejects({ principalTags: tags(50), transitiveTagKeys: [...fifty, 'K0'] }, 'AWS_VALUE_INVALID', {
    message: 'too many transitive keys',
    detail: 'at most 50 transitive tag keys',
  });
});

test('issue 12 §8: a transitive key must be a session tag (any case), valid, listed once', () => {
  unsafe(
    { principalTags: { Team: 'a' }, transitiveTagKeys: ['Team', 'b<'] },
    'transitiveTagKeys #2',
  );
  rejects({ principalTags: { Team: 'a' }, transitiveTagKeys: ['aws:Team'] }, 'AWS_VALUE_INVALID', {
    detail: TAG_KEY_RULE,
  });
  const without = {
    message: 'transitive key without tag',
    detail: 'every transitive tag key must be a session tag',
  };
  rejects(
    { principalTags: { Team: 'a' }, transitiveTagKeys: ['Other'] },
    'AWS_VALUE_INVALID',
    without,
  );
  rejects({ transitiveTagKeys: ['Team'] }, 'AWS_VALUE_INVALID', without);
  const twice = {
    message: 'duplicate transitive key',
    detail: 'a transitive tag key is listed twice',
  };
  rejects(
    { principalTags: { Team: 'a' }, transitiveTagKeys: ['Team', 'team'] },
    'AWS_VALUE_INVALID',
    twice,
  );
  rejects(
    { principalTags: { Team: 'a' }, transitiveTagKeys: ['Team', 'Team'] },
    'AWS_VALUE_INVALID',
    twice,
  );
  // One case folding for matching and for duplicates: KELVIN SIGN (U+212A) lower-cases to "k", so
  // both keys name the one tag "k" and it is listed twice (upper-casing would keep them apart).
  rejects(
    { principalTags: { k: 'a' }, transitiveTagKeys: ['k', '\u212a'] },
    'AWS_VALUE_INVALID',
    twice,
  );
  const out = awsSamlAttributes({
    ...BASE,
    principalTags: { Team: 'a' },
    transitiveTagKeys: ['team'],
  });
  assert.deepEqual(out.attributes.at(-1), {
    name: AWS_ATTRIBUTE.transitiveTagKeys,
    values: ['team'],
  });
});

test('issue 12 §8: an empty transitive key list adds no TransitiveTagKeys attribute', () => {
  const out = awsSamlAttributes({ ...BASE, principalTags: { Team: 'a' }, transitiveTagKeys: [] });
  assert.deepEqual(
    out.attributes.map((a) => a.name),
    [AWS_ATTRIBUTE.role, AWS_ATTRIBUTE.roleSessionName, `${AWS_ATTRIBUTE.principalTagPrefix}Team`],
  );
});

test('issue 12 §8: SourceIdentity passes the SAML guard, then AWS 2–64 without aws:', () => {
  unsafe({ sourceIdentity: 'a<b' }, 'SourceIdentity');
  const rule =
    'SourceIdentity must be 2–64 characters of letters, digits and +=,.@_- and not start with aws:';
  rejects({ sourceIdentity: 'aws:alice' }, 'AWS_VALUE_INVALID', { detail: rule });
  rejects({ sourceIdentity: 'a' }, 'AWS_VALUE_INVALID', { detail: rule });
  rejects({ sourceIdentity: '' }, 'AWS_VALUE_INVALID', { detail: rule });
});
