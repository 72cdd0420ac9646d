/**
 * Issue 12 §8: the role/provider pairs of AWS's Role attribute (./roles; AWS-FACTS §1.2: one
 * `roleArn,providerArn` AttributeValue per pair, role first). Complements roles.test.ts with the
 * boundaries of each rule and the exact errors.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../errors';
import { MAX_ROLE_PAIRS, roleAttributeValues, SAML_PROVIDER_ARN, type AwsRolePair } from './roles';
import { PROVIDER, ROLE } from './test-fixtures';

function refused(roles: readonly AwsRolePair[], message: string, publicDetail: string): void {
  assert.throws(
    () => roleAttributeValues(roles),
    (e: unknown) =>
      e instanceof GatewayError &&
      e.code === 'AWS_VALUE_INVALID' &&
      e.message === message &&
      e.publicDetail === publicDetail,
  );
}

const provider = (name: string, account = '123456789012') =>
  `arn:aws:iam::${account}:saml-provider/${name}`;

const NOT_A_PROVIDER = [
  'roles[0].providerArn is not a SAML provider ARN',
  'a SAML provider ARN looks like arn:aws:iam::123456789012:saml-provider/Name',
] as const;

test('issue 12 §8: one "roleArn,providerArn" value per pair, role first, with the shared partition', () => {
  const gov = {
    roleArn: 'arn:aws-us-gov:iam::123456789012:role/A',
    providerArn: 'arn:aws-us-gov:iam::123456789012:saml-provider/R',
  };
  assert.deepEqual(roleAttributeValues([gov]), {
    partition: 'aws-us-gov',
    values: [`${gov.roleArn},${gov.providerArn}`],
  });
  const two = [
    { roleArn: ROLE, providerArn: PROVIDER },
    { roleArn: 'arn:aws:iam::123456789012:role/ReadOnly', providerArn: PROVIDER },
  ];
  assert.deepEqual(roleAttributeValues(two), {
    partition: 'aws',
    values: [`${ROLE},${PROVIDER}`, `arn:aws:iam::123456789012:role/ReadOnly,${PROVIDER}`],
  });
});

test('issue 12 §8: provider names of 1–128 IAM name characters are accepted', () => {
  for (const name of ['R', 'p'.repeat(128), 'Rolegate_1+x=y.z@example-corp']) {
    const providerArn = provider(name);
    assert.deepEqual(roleAttributeValues([{ roleArn: ROLE, providerArn }]).values, [
      `${ROLE},${providerArn}`,
    ]);
    assert.ok(SAML_PROVIDER_ARN.test(providerArn));
  }
});

test('issue 12 §8: a provider ARN is matched whole: no prefix, suffix, empty name or 13-digit account', () => {
  for (const providerArn of [
    `x${PROVIDER}`,
    `${PROVIDER}/x`,
    `${PROVIDER} `,
    provider(''),
    provider('p'.repeat(129)),
    provider('R', '1234567890123'),
    provider('R', '12345678901a'),
  ]) {
    refused([{ roleArn: ROLE, providerArn }], ...NOT_A_PROVIDER);
  }
});

test('issue 12 §8: role and provider must share partition and account', () => {
  const detail = 'a role and its SAML provider must be in the same AWS account and partition';
  const why = 'roles[0]: role and SAML provider differ in partition or account';
  refused([{ roleArn: ROLE, providerArn: provider('R', '210987654321') }], why, detail);
  refused(
    [{ roleArn: ROLE, providerArn: 'arn:aws-cn:iam::123456789012:saml-provider/R' }],
    why,
    detail,
  );
});

test(`issue 12 §8: 1–${MAX_ROLE_PAIRS} pairs; an empty list, a non-list or one pair too many is refused`, () => {
  const pairs = Array.from({ length: MAX_ROLE_PAIRS + 1 }, (_, i) => ({
    roleArn: `arn:aws:iam::123456789012:role/R${i}`,
    providerArn: PROVIDER,
  }));
  assert.equal(roleAttributeValues(pairs.slice(0, MAX_ROLE_PAIRS)).values.length, MAX_ROLE_PAIRS);
  const why = `roles: expected 1–${MAX_ROLE_PAIRS} pairs`;
  const detail = `an assertion for AWS must name 1–${MAX_ROLE_PAIRS} role/provider pairs`;
  refused(pairs, why, detail);
  refused([], why, detail);
  refused('x' as unknown as AwsRolePair[], why, detail);
});

test('issue 12 §8: pairs spanning partitions or listed twice are refused with their reason', () => {
  const gov = {
    roleArn: 'arn:aws-us-gov:iam::123456789012:role/A',
    providerArn: 'arn:aws-us-gov:iam::123456789012:saml-provider/R',
  };
  const aws = { roleArn: ROLE, providerArn: PROVIDER };
  refused(
    [aws, aws, gov],
    'roles span partitions',
    'all roles in one sign-in must be in the same AWS partition',
  );
  refused(
    [gov, aws],
    'roles span partitions',
    'all roles in one sign-in must be in the same AWS partition',
  );
  refused(
    [aws, aws],
    'roles contain a duplicate pair',
    'the same role/provider pair is listed twice',
  );
});

test('issue 12 §8: a comma inside an ARN is refused naming the field, never the value', () => {
  const evil = `${PROVIDER},arn:aws:iam::999999999999:role/Evil`;
  const cases: [AwsRolePair[], string][] = [
    [
      [
        { roleArn: ROLE, providerArn: PROVIDER },
        { roleArn: evil, providerArn: PROVIDER },
      ],
      'roles[1].roleArn',
    ],
    [
      [
        { roleArn: ROLE, providerArn: PROVIDER },
        { roleArn: ROLE, providerArn: evil },
      ],
      'roles[1].providerArn',
    ],
  ];
  for (const [roles, field] of cases) {
    assert.throws(
      () => roleAttributeValues(roles),
      (e: unknown) =>
        e instanceof GatewayError &&
        e.code === 'SAML_ATTRIBUTE_INVALID' &&
        e.message.startsWith(`${field}: `) &&
        (e.publicDetail ?? '').startsWith(`${field}: `) &&
        !e.message.includes(evil),
    );
  }
});
