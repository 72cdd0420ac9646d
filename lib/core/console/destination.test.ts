import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { consoleDestination } from './destination';

const EU = { partition: 'aws', region: 'eu-west-1' } as const;
const INVALID = { code: 'AWS_VALUE_INVALID' };

describe('consoleDestination', () => {
  it('opens a service in the role region', () => {
    assert.equal(
      consoleDestination({ partition: 'aws', region: 'eu-west-1', service: 's3' }),
      'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
    );
  });

  it('defaults to the console home', () => {
    assert.equal(
      consoleDestination({ partition: 'aws', region: 'us-east-1' }),
      'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1',
    );
    assert.equal(
      consoleDestination({ partition: 'aws-us-gov', region: 'us-gov-west-1' }),
      'https://console.amazonaws-us-gov.com/console/home?region=us-gov-west-1',
    );
    assert.equal(
      consoleDestination({ partition: 'aws-cn', region: 'cn-north-1', service: 'ec2' }),
      'https://console.amazonaws.cn/ec2/home?region=cn-north-1',
    );
  });

  it('uses the console URL override', () => {
    const consoleUrlOverride = 'http://localhost:3002/console';
    assert.equal(
      consoleDestination({ ...EU, service: 's3', consoleUrlOverride }),
      'http://localhost:3002/console/s3/home?region=eu-west-1',
    );
    assert.equal(
      consoleDestination({ ...EU, consoleUrlOverride: `${consoleUrlOverride}/` }),
      'http://localhost:3002/console/console/home?region=eu-west-1',
    );
  });

  it('rejects a bad service', () => {
    const bad = ['', 'S3', 's3/../iam', '../x', 's3?x=1', 's3#', 'a'.repeat(41), 'cloud watch', '//x.io'];
    for (const service of bad) {
      assert.throws(() => consoleDestination({ ...EU, service }), INVALID, service);
    }
  });

  it('rejects a bad region or one outside the partition', () => {
    for (const region of ['eu-west', 'eu-west-1&x=1', '', 'cn-north-1']) {
      assert.throws(() => consoleDestination({ partition: 'aws', region }), INVALID, region);
    }
    assert.throws(() => consoleDestination({ partition: 'aws-cn', region: 'eu-west-1' }), INVALID);
  });

  it('rejects a bad override as CONFIG_INVALID', () => {
    assert.throws(
      () => consoleDestination({ ...EU, consoleUrlOverride: 'javascript:alert(1)' }),
      { code: 'CONFIG_INVALID' },
    );
  });
});
