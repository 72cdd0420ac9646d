import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  consoleBaseUrl,
  federationEndpointUrl,
  normalizeOverrideUrl,
  samlSigninUrl,
  stsEndpointHost,
  stsEndpointUrl,
  type EndpointInput,
} from './endpoints';

const aws = (region: string, overrideUrl?: string): EndpointInput => ({
  partition: 'aws',
  region,
  overrideUrl,
});

describe('stsEndpointHost / stsEndpointUrl', () => {
  it('uses the regional host per partition', () => {
    assert.equal(stsEndpointHost('aws', 'eu-west-1'), 'sts.eu-west-1.amazonaws.com');
    assert.equal(stsEndpointHost('aws-us-gov', 'us-gov-west-1'), 'sts.us-gov-west-1.amazonaws.com');
    assert.equal(stsEndpointHost('aws-cn', 'cn-north-1'), 'sts.cn-north-1.amazonaws.com.cn');
    assert.equal(stsEndpointUrl(aws('us-east-1')), 'https://sts.us-east-1.amazonaws.com');
  });

  it('lets the override win but still checks the region', () => {
    const overrideUrl = 'http://localhost:4566/';
    assert.equal(stsEndpointUrl(aws('eu-west-1', overrideUrl)), 'http://localhost:4566');
    assert.throws(() => stsEndpointUrl(aws('cn-north-1', overrideUrl)), {
      code: 'AWS_VALUE_INVALID',
    });
  });

  it('rejects a region outside the partition or a malformed one', () => {
    assert.throws(() => stsEndpointHost('aws-cn', 'eu-west-1'), { code: 'AWS_VALUE_INVALID' });
    assert.throws(() => stsEndpointHost('aws', 'evil.com/x'), { code: 'AWS_VALUE_INVALID' });
  });
});

describe('federationEndpointUrl', () => {
  it('follows AWS-FACTS §1.4 per partition and region', () => {
    const global = 'https://signin.aws.amazon.com/federation';
    assert.equal(federationEndpointUrl(aws('us-east-1')), global);
    assert.equal(
      federationEndpointUrl(aws('eu-west-1')),
      'https://eu-west-1.signin.aws.amazon.com/federation',
    );
    assert.equal(
      federationEndpointUrl({ partition: 'aws-us-gov', region: 'us-gov-east-1' }),
      'https://signin.amazonaws-us-gov.com/federation',
    );
    assert.equal(
      federationEndpointUrl({ partition: 'aws-cn', region: 'cn-northwest-1' }),
      'https://signin.amazonaws.cn/federation',
    );
  });

  it('uses the override', () => {
    const overrideUrl = 'http://localhost:3002/federation';
    assert.equal(federationEndpointUrl(aws('eu-west-1', overrideUrl)), overrideUrl);
  });

  it('rejects a bad region', () => {
    assert.throws(() => federationEndpointUrl(aws('x')), { code: 'AWS_VALUE_INVALID' });
    assert.throws(() => federationEndpointUrl({ partition: 'aws-us-gov', region: 'eu-west-1' }), {
      code: 'AWS_VALUE_INVALID',
    });
  });
});

describe('consoleBaseUrl', () => {
  it('follows AWS-FACTS §1.4 per partition', () => {
    assert.equal(consoleBaseUrl(aws('eu-west-1')), 'https://eu-west-1.console.aws.amazon.com');
    assert.equal(consoleBaseUrl(aws('us-east-1')), 'https://us-east-1.console.aws.amazon.com');
    assert.equal(
      consoleBaseUrl({ partition: 'aws-us-gov', region: 'us-gov-west-1' }),
      'https://console.amazonaws-us-gov.com',
    );
    assert.equal(
      consoleBaseUrl({ partition: 'aws-cn', region: 'cn-north-1' }),
      'https://console.amazonaws.cn',
    );
  });

  it('uses the override without its trailing slash', () => {
    const overrideUrl = 'http://localhost:3002/console/';
    assert.equal(consoleBaseUrl(aws('eu-west-1', overrideUrl)), 'http://localhost:3002/console');
  });
});

describe('normalizeOverrideUrl', () => {
  it('rejects anything but a plain http(s) URL as CONFIG_INVALID', () => {
    const bad = [
      'not a url',
      'ftp://x/y',
      'javascript:alert(1)',
      'https://u:p@x/',
      'https://x/?a=1',
      'https://x/#f',
    ];
    for (const url of bad) {
      assert.throws(() => normalizeOverrideUrl(url), { code: 'CONFIG_INVALID' }, url);
    }
    assert.equal(normalizeOverrideUrl('https://emulator.test'), 'https://emulator.test');
  });
});

describe('samlSigninUrl', () => {
  it('is the partition sign-in /saml endpoint, or the override', () => {
  assert.equal(samlSigninUrl({ partition: 'aws' }), 'https://signin.aws.amazon.com/saml');
  assert.equal(samlSigninUrl({ partition: 'aws-us-gov' }), 'https://signin.amazonaws-us-gov.com/saml');
  assert.equal(samlSigninUrl({ partition: 'aws-cn' }), 'https://signin.amazonaws.cn/saml');
  assert.equal(samlSigninUrl({ partition: 'aws', overrideUrl: 'http://localhost:3002/saml/' }), 'http://localhost:3002/saml');
  });
});
