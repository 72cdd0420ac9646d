import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { credentialProcessJson } from './credential-process';
import { ADVERSARIAL, REAL, credsWith } from './test-fixtures';

const INVALID = { code: 'AWS_VALUE_INVALID' };

describe('credentialProcessJson', () => {
  it('emits exactly the credential_process document, in order', () => {
    const out = credentialProcessJson(REAL, { region: 'eu-west-1', profile: 'x' });
    const parsed: unknown = JSON.parse(out);
    assert.deepEqual(parsed, {
      Version: 1,
      AccessKeyId: REAL.accessKeyId,
      SecretAccessKey: REAL.secretAccessKey,
      SessionToken: REAL.sessionToken,
      Expiration: REAL.expiration,
    });
    assert.deepEqual(Object.keys(parsed as object), [
      'Version',
      'AccessKeyId',
      'SecretAccessKey',
      'SessionToken',
      'Expiration',
    ]);
  });

  it('round-trips every adversarial value through JSON', () => {
    for (const value of Object.values(ADVERSARIAL)) {
      const creds = credsWith(value);
      const parsed = JSON.parse(credentialProcessJson(creds)) as Record<string, unknown>;
      assert.equal(parsed.AccessKeyId, creds.accessKeyId);
      assert.equal(parsed.SessionToken, creds.sessionToken);
    }
  });

  it('accepts ISO 8601 with fractions and offsets', () => {
    for (const expiration of ['2030-01-02T03:04:05.123Z', '2030-01-02T03:04:05+01:00']) {
      assert.doesNotThrow(() => credentialProcessJson({ ...REAL, expiration }));
    }
  });

  it('rejects an Expiration the SDKs could not parse', () => {
    const bad = ['', 'tomorrow', '2030-01-02', '2030-01-02 03:04:05Z', '2030-13-45T99:99:99Z'];
    for (const expiration of [...bad, '1893553445', '2030-01-02T03:04:05Z\nx']) {
      assert.throws(() => credentialProcessJson({ ...REAL, expiration }), INVALID, expiration);
    }
  });
});
