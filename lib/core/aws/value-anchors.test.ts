/**
 * The AWS value patterns are anchored at both ends and allow two-digit region numbers in every partition;
 * the admin sees the rule, the log a bounded excerpt (issue 12 §8: mutation testing found these unguarded).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../errors';
import { assertAwsValue, assertRegionInPartition, isAwsValue } from './patterns';

const error = (f: () => void): GatewayError => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof GatewayError);
    return e;
  }
  assert.fail('accepted');
};

describe('anchors', () => {
  it('reserves aws: only as a prefix of a tag key', () => {
    assert.equal(isAwsValue('sessionTagKey', 'team:aws:x'), true);
    assert.equal(isAwsValue('sessionTagKey', 'aws:x'), false);
  });

  it('refuses text before a role ARN: AWS_VALUE_INVALID', () => {
    assert.equal(isAwsValue('roleArn', 'xarn:aws:iam::123456789012:role/Admin'), false);
    assert.equal(error(() => assertAwsValue('roleArn', 'x,arn:aws:iam::123456789012:role/Admin')).code, 'AWS_VALUE_INVALID');
  });

  it('refuses text before or after a region name in aws-us-gov and aws-cn: AWS_VALUE_INVALID', () => {
    for (const [p, r] of [['aws-us-gov', 'xus-gov-west-1'], ['aws-us-gov', 'us-gov-west-1x'], ['aws-cn', 'xcn-north-1'], ['aws-cn', 'cn-north-1x']] as const) {
      assert.equal(error(() => assertRegionInPartition(p, r)).code, 'AWS_VALUE_INVALID', `${p} ${r}`);
    }
  });

  it('accepts two-digit region numbers in every partition', () => {
    assertRegionInPartition('aws', 'ap-southeast-10');
    assertRegionInPartition('aws-us-gov', 'us-gov-west-10');
    assertRegionInPartition('aws-cn', 'cn-north-10');
  });
});

describe('what the admin and the log see', () => {
  it('names the duration rule with its bounds', () => {
    assert.equal(error(() => assertAwsValue('durationSeconds', 60)).publicDetail, 'a session duration must be a whole number of seconds from 900 to 43200');
  });

  it('logs at most 100 characters of a bad value', () => {
    const e = error(() => assertAwsValue('roleSessionName', 'x'.repeat(500)));
    assert.equal(e.message, `invalid roleSessionName: "${'x'.repeat(99)}`);
  });
});
