/**
 * AWS endpoint overrides (the emulator, VPC endpoints): only a plain http(s) URL, credentials, query and
 * fragment refused one by one, trailing slashes removed, and the message the admin sees (issue 12 §8).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../errors';
import { consoleBaseUrl, federationEndpointUrl, normalizeOverrideUrl, samlSigninUrl, stsEndpointUrl } from './endpoints';

const refusal = (url: string): GatewayError => {
  try {
    normalizeOverrideUrl(url);
  } catch (e) {
    assert.ok(e instanceof GatewayError);
    return e;
  }
  assert.fail(`${url} was accepted`);
};

describe('normalizeOverrideUrl', () => {
  it('refuses a user name alone or a password alone: CONFIG_INVALID', () => {
    for (const url of ['https://u@emulator.test/', 'https://:p@emulator.test/']) {
      const e = refusal(url);
      assert.equal(e.code, 'CONFIG_INVALID');
      assert.equal(e.publicDetail, 'an AWS endpoint override must be an http(s) URL without credentials, query or fragment');
      assert.equal(e.message, 'AWS endpoint override not allowed: https://emulator.test');
    }
  });

  it('says when the override is not a URL at all: CONFIG_INVALID', () => {
    const e = refusal('//emulator.test:4566');
    assert.equal(e.code, 'CONFIG_INVALID');
    assert.equal(e.publicDetail, 'an AWS endpoint override is not a valid URL');
    assert.equal(e.message, 'AWS endpoint override is not a URL');
  });

  it('removes every trailing slash and keeps the path', () => {
    assert.equal(normalizeOverrideUrl('http://localhost:4566/aws//'), 'http://localhost:4566/aws');
    assert.equal(normalizeOverrideUrl('https://emulator.test/a/b'), 'https://emulator.test/a/b');
  });

  it('accepts http for the local emulator and https for everything else', () => {
    assert.equal(normalizeOverrideUrl('http://127.0.0.1:4566'), 'http://127.0.0.1:4566');
    assert.equal(normalizeOverrideUrl('https://sts.vpce.test'), 'https://sts.vpce.test');
  });
});

describe('overrides in every partition', () => {
  const overrideUrl = 'http://localhost:3002/x/';
  it('win for STS, federation, console and SAML sign-in in aws-us-gov and aws-cn too', () => {
    for (const [partition, region] of [['aws-us-gov', 'us-gov-west-1'], ['aws-cn', 'cn-north-1']] as const) {
      const input = { partition, region, overrideUrl };
      assert.equal(stsEndpointUrl(input), 'http://localhost:3002/x');
      assert.equal(federationEndpointUrl(input), 'http://localhost:3002/x');
      assert.equal(consoleBaseUrl(input), 'http://localhost:3002/x');
      assert.equal(samlSigninUrl(input), 'http://localhost:3002/x');
    }
  });

  it('an empty override means none', () => {
    assert.equal(samlSigninUrl({ partition: 'aws', overrideUrl: '' }), 'https://signin.aws.amazon.com/saml');
    assert.equal(stsEndpointUrl({ partition: 'aws', region: 'eu-west-1', overrideUrl: '' }), 'https://sts.eu-west-1.amazonaws.com');
  });

  it('still checks the region when overridden', () => {
    assert.throws(() => consoleBaseUrl({ partition: 'aws-cn', region: 'eu-west-1', overrideUrl }), { code: 'AWS_VALUE_INVALID' });
    assert.throws(() => federationEndpointUrl({ partition: 'aws', region: 'cn-north-1', overrideUrl }), { code: 'AWS_VALUE_INVALID' });
  });
});
