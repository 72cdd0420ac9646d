import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

import { formatIni } from './ini';
import { REAL, credsWith } from './test-fixtures';

const INVALID = { code: 'AWS_VALUE_INVALID' };

/** Reads an INI document the way botocore does (RawConfigParser) and returns it as JSON. */
const BOTOCORE_READ = `
import configparser, json, sys
p = configparser.RawConfigParser()
p.read_string(sys.stdin.read())
print(json.dumps({s: dict(p.items(s)) for s in p.sections()}))
`;

function hasPython(): boolean {
  return spawnSync('python3', ['-c', 'pass']).status === 0;
}

describe('ini (~/.aws/credentials)', () => {
  it('writes the default profile', () => {
    assert.equal(
      formatIni(REAL),
      '[default]\n' +
        `aws_access_key_id = ${REAL.accessKeyId}\n` +
        `aws_secret_access_key = ${REAL.secretAccessKey}\n` +
        `aws_session_token = ${REAL.sessionToken}\n`,
    );
  });

  it('writes a named profile with a region line', () => {
    const out = formatIni(REAL, { profile: 'prod-admin', region: 'eu-west-1' });
    assert.match(out, /^\[prod-admin\]\n/);
    assert.match(out, /\nregion = eu-west-1\n$/);
    assert.doesNotMatch(out, /default_region|AWS_/);
  });

  it('is read back identically by Python configparser (botocore)', (t) => {
    if (!hasPython()) return t.skip('python3 not installed');
    const odd = credsWith('a=b/c+d!e"f$g&h*i:j<k>l?m@n[o]p^q`r{s|t}u~v\'w');
    const cases = [
      [REAL, { profile: 'x', region: 'us-gov-west-1' }],
      [odd, undefined],
    ] as const;
    for (const [creds, opts] of cases) {
      const input = formatIni(creds, opts);
      const r = spawnSync('python3', ['-c', BOTOCORE_READ], { input, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const sections = JSON.parse(r.stdout) as Record<string, Record<string, string>>;
      const section = sections[opts?.profile ?? 'default'];
      assert.deepEqual(section, {
        aws_access_key_id: creds.accessKeyId,
        aws_secret_access_key: creds.secretAccessKey,
        aws_session_token: creds.sessionToken,
        ...(opts?.region ? { region: opts.region } : {}),
      });
    }
  });

  it('rejects values INI readers would misread', () => {
    const bad = ['', 'a b', ' lead', 'trail ', 'a\nb', 'a\n x = y', 'a #c', 'a;c', 'a#c', '100%'];
    for (const value of [...bad, 'é', 'a\tb']) {
      assert.throws(() => formatIni(credsWith(value)), INVALID, JSON.stringify(value));
    }
  });

  it('rejects profile names that would break the section header', () => {
    for (const profile of ['', 'a]b', 'a b', 'x\n[default]', 'profile:x', 'p'.repeat(65)]) {
      assert.throws(() => formatIni(REAL, { profile }), INVALID, JSON.stringify(profile));
    }
  });
});
