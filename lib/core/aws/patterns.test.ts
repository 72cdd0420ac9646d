import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { GatewayError } from '../errors';
import { assertAwsValue, assertRegionInPartition, isAwsValue, type AwsValueKind } from './patterns';

function rejects(kind: AwsValueKind, value: string | number): void {
  assert.throws(
    () => assertAwsValue(kind, value),
    (e: unknown) => e instanceof GatewayError && e.code === 'AWS_VALUE_INVALID' && !!e.publicDetail,
    `${kind} ${String(value)} should be rejected`,
  );
}

describe('assertAwsValue', () => {
  it('accepts real-looking values', () => {
    assertAwsValue('roleSessionName', 'alice@example.com');
    assertAwsValue('sourceIdentity', 'alice+ops=1,x.y@example.com');
    assertAwsValue('sessionTagKey', 'team:cost-center/é 1');
    assertAwsValue('sessionTagValue', '');
    assertAwsValue('sessionTagValue', 'Zürich 42');
    assertAwsValue('durationSeconds', 900);
    assertAwsValue('durationSeconds', 43200);
    assertAwsValue('accountId', '123456789012');
    assertAwsValue('roleArn', 'arn:aws:iam::123456789012:role/Admin');
    assertAwsValue('roleArn', 'arn:aws-us-gov:iam::123456789012:role/team/ops/Deploy+Ro=le,1.@-_');
    assertAwsValue('roleArn', 'arn:aws-cn:iam::123456789012:role/ReadOnly');
    for (const r of ['us-east-1', 'eu-west-1', 'ap-southeast-5', 'us-gov-west-1', 'cn-north-1']) {
      assertAwsValue('region', r);
    }
  });

  it('rejects RoleSessionName / SourceIdentity outside 2–64 [\\w+=,.@-]', () => {
    for (const kind of ['roleSessionName', 'sourceIdentity'] as const) {
      rejects(kind, 'a');
      rejects(kind, 'x'.repeat(65));
      rejects(kind, 'alice smith');
      rejects(kind, 'josé');
      rejects(kind, 'a:b');
      rejects(kind, 'a\nb');
      rejects(kind, 42);
    }
    assert.equal(isAwsValue('roleSessionName', 'x'.repeat(64)), true);
  });

  it('rejects the reserved aws: prefix and bad tag characters', () => {
    rejects('sourceIdentity', 'aws:alice');
    rejects('sessionTagKey', 'aws:team');
    rejects('sessionTagKey', 'AWS:team');
    rejects('sessionTagKey', '');
    rejects('sessionTagKey', 'k'.repeat(129));
    rejects('sessionTagKey', 'a;b');
    rejects('sessionTagValue', 'v'.repeat(257));
    rejects('sessionTagValue', '<script>');
    rejects('sessionTagValue', 'a"b');
  });

  it('rejects durations that are not whole seconds in 900–43200', () => {
    for (const d of [899, 43201, 0, -900, 3600.5, Number.NaN, '3600']) {
      rejects('durationSeconds', d);
    }
  });

  it('rejects malformed account ids, ARNs and regions', () => {
    for (const a of ['12345678901', '1234567890123', '12345678901a', ' 123456789012']) {
      rejects('accountId', a);
    }
    for (const arn of [
      'arn:aws:iam::123456789012:user/Admin',
      'arn:aws-iso:iam::123456789012:role/Admin',
      'arn:aws:iam::12345678901:role/Admin',
      'arn:aws:iam::123456789012:role/',
      'arn:aws:iam::123456789012:role/bad name',
      'arn:aws:iam::123456789012:role/Admin\n',
    ]) {
      rejects('roleArn', arn);
    }
    for (const r of ['eu-west', 'EU-WEST-1', 'eu_west_1', 'eu-west-1 ', 'us-isob-east-1', '']) {
      rejects('region', r);
    }
  });
});

describe('assertRegionInPartition', () => {
  it('keeps regions inside their partition', () => {
    assertRegionInPartition('aws', 'eu-west-1');
    assertRegionInPartition('aws-us-gov', 'us-gov-east-1');
    assertRegionInPartition('aws-cn', 'cn-north-1');
    for (const [p, r] of [
      ['aws', 'cn-north-1'],
      ['aws', 'us-gov-west-1'],
      ['aws-cn', 'eu-west-1'],
      ['aws-us-gov', 'us-east-1'],
    ] as const) {
      assert.throws(() => assertRegionInPartition(p, r), { code: 'AWS_VALUE_INVALID' });
    }
  });

  it('issue 12 §8: names the partition in both messages and shows at most 40 characters of the value', () => {
    const long = `eu-west-1${'x'.repeat(100)}`;
    assert.throws(() => assertRegionInPartition('aws-cn', long), {
      code: 'AWS_VALUE_INVALID',
      message: `region ${JSON.stringify(long).slice(0, 40)} not in aws-cn`,
      publicDetail: 'not an AWS region name (e.g. eu-west-1, us-gov-west-1, cn-north-1); it must belong to the aws-cn partition',
    });
  });
});

describe('ROLE_ARN length', () => {
  it('issue 12 §8: the pattern bounds an ARN (IAM path ≤ 512 with its slashes, name ≤ 64) far inside arnType\'s 2048', () => {
    const arn = (path: string, name: string): string => `arn:aws-us-gov:iam::123456789012:role/${path}${name}`;
    const longest = arn(`${'p'.repeat(510)}/`, 'n'.repeat(64));
    assert.equal(longest.length, 613);
    assert.equal(isAwsValue('roleArn', longest), true);
    assert.equal(isAwsValue('roleArn', arn(`${'p'.repeat(511)}/`, 'n')), false);
    assert.equal(isAwsValue('roleArn', arn('', 'n'.repeat(65))), false);
    assert.equal(isAwsValue('roleArn', `${longest}${'/n'.repeat(800)}`), false);
  });
});
