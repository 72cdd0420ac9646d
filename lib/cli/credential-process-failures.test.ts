import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatBash } from '../core/credentials';
import type { Credentials } from '../core/types';
import { EXIT } from './errors';
import { deadServerUrl, runBundle, seedLogin } from './test-support/harness';
import { cliTestbed } from './test-support/testbed';

const t = cliTestbed({
  bundle: true,
  loggedIn: false,
  reset: ({ fake }) => (fake.state.credentialsError = undefined),
});

const ADMIN = '111122223333/Admin';
const cp = (role = ADMIN) => ['credential-process', '--role', role, '--server', t.fake.url];

describe('credential-process failures: non-zero exit, empty stdout, the reason on stderr', () => {
  it('issue 14 §7: no server configured anywhere is a missing login → exit 2, not a bad command line', async () => {
    const r = await runBundle(['credential-process', '--role', ADMIN], t.sb.env);
    assert.deepEqual([r.code, r.stdout], [EXIT.LOGIN_REQUIRED, '']);
    assert.equal(
      r.stderr,
      'rolegate: no server: run "rolegate login --server URL" or set ROLEGATE_SERVER\n',
    );
  });

  it('not logged in → exit 2', async () => {
    const r = await runBundle(cp(), t.sb.env);
    assert.deepEqual([r.code, r.stdout], [EXIT.LOGIN_REQUIRED, '']);
    assert.equal(r.stderr, `rolegate: not logged in to ${t.fake.url}; run "rolegate login"\n`);
  });

  it('role refused by policy → exit 5 with the server code', async () => {
    seedLogin(t.sb, t.fake);
    const r = await runBundle(cp('999999999999/Nope'), t.sb.env);
    assert.deepEqual([r.code, r.stdout], [EXIT.FORBIDDEN, '']);
    assert.match(
      r.stderr,
      /^rolegate: You are not allowed to assume this role\. \[POLICY_NO_ROLE, HTTP 403\]\n$/,
    );
  });

  it('server error → exit 1', async () => {
    seedLogin(t.sb, t.fake);
    t.fake.state.credentialsError = {
      status: 502,
      code: 'STS_UNAVAILABLE',
      message: 'AWS STS did not answer.',
    };
    const r = await runBundle(cp(), t.sb.env);
    assert.deepEqual([r.code, r.stdout], [EXIT.FAILURE, '']);
    assert.match(r.stderr, /STS_UNAVAILABLE/);
  });

  it('server unreachable → exit 1', async () => {
    const dead = await deadServerUrl();
    seedLogin(t.sb, { ...t.fake, url: dead });
    const env = { ...t.sb.env, ROLEGATE_SERVER: dead };
    const r = await runBundle(['credential-process', '--role', ADMIN], env);
    assert.deepEqual([r.code, r.stdout], [EXIT.FAILURE, '']);
    assert.equal(r.stderr, `rolegate: cannot reach ${dead}: ECONNREFUSED\n`);
  });

  it('missing --role → exit 64', async () => {
    const r = await runBundle(['credential-process', '--server', t.fake.url], t.sb.env);
    assert.deepEqual([r.code, r.stdout], [EXIT.USAGE, '']);
    assert.match(r.stderr, /--role is required/);
  });
});

describe('rolegate credentials --format', () => {
  it('bash output is formatBash from lib/core/credentials, byte for byte', async () => {
    seedLogin(t.sb, t.fake);
    const json = await runBundle(cp(), t.sb.env);
    const doc = JSON.parse(json.stdout) as Record<string, string>;
    const creds: Credentials = {
      accessKeyId: doc.AccessKeyId ?? '',
      secretAccessKey: doc.SecretAccessKey ?? '',
      sessionToken: doc.SessionToken ?? '',
      expiration: doc.Expiration ?? '',
    };
    const r = await runBundle(
      ['credentials', '--role', ADMIN, '--format', 'bash', '--server', t.fake.url],
      t.sb.env,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, formatBash(creds, { region: 'eu-west-1' }));
  });
});
