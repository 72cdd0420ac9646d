import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { cliEnv } from './env';
import { EXIT, LOGIN_EXPIRED_MESSAGE } from './errors';
import { runBundle, seedLogin } from './test-support/harness';
import { loadTokens } from './tokens';
import { cliTestbed } from './test-support/testbed';

const t = cliTestbed({
  bundle: true,
  loggedIn: false,
  reset: ({ fake }) => (fake.state.credentialsDelayMs = 0),
});

const cp = (role = '111122223333/Admin') => [
  'credential-process',
  '--role',
  role,
  '--server',
  t.fake.url,
];
const tokens = () => loadTokens({ env: cliEnv(t.sb.env) });

describe('access and refresh tokens', () => {
  it('a 401 (access token expired on the server) → silent refresh → retry', async () => {
    seedLogin(t.sb, t.fake);
    const before = tokens();
    t.fake.state.expireAccessTokens();
    const r = await runBundle(cp(), t.sb.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'silent');
    assert.equal(t.fake.state.count('POST /api/v1/token'), 1);
    assert.equal(t.fake.state.count('POST /api/v1/credentials'), 2, 'the 401, then the retry');
    const after = tokens();
    assert.notEqual(
      after?.refreshToken,
      before?.refreshToken,
      'the rotated refresh token is stored',
    );
  });

  it('an access token past its local expiry is refreshed before the call', async () => {
    seedLogin(t.sb, t.fake, Date.now() - 3_600_000);
    const r = await runBundle(cp(), t.sb.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(t.fake.state.count('POST /api/v1/token'), 1);
    assert.equal(t.fake.state.count('POST /api/v1/credentials'), 1, 'no wasted 401');
  });

  it('refresh refused (invalid_grant) → exit 2 and the one "run rolegate login" message', async () => {
    seedLogin(t.sb, t.fake);
    t.fake.state.revokeAll();
    const r = await runBundle(cp(), t.sb.env);
    assert.deepEqual([r.code, r.stdout], [EXIT.LOGIN_REQUIRED, '']);
    assert.equal(r.stderr, `rolegate: ${LOGIN_EXPIRED_MESSAGE}\n`);
    assert.equal(
      r.stderr,
      'rolegate: your login has expired or was revoked; run "rolegate login"\n',
    );
    assert.equal(tokens(), undefined, 'the dead tokens are deleted');
    const again = await runBundle(cp(), t.sb.env);
    assert.equal(again.code, EXIT.LOGIN_REQUIRED);
    assert.equal(t.fake.state.count('POST /api/v1/token'), 1, 'no further refresh attempts');
  });

  it('parallel processes for different roles share ONE refresh (rotation never reuses a token)', async () => {
    seedLogin(t.sb, t.fake, Date.now() - 3_600_000);
    const roles = ['111122223333/Admin', '111122223333/ReadOnly', '444455556666/Operator'];
    const runs = await Promise.all(
      [...roles, ...roles].map((role) => runBundle(cp(role), t.sb.env)),
    );
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    assert.equal(t.fake.state.count('POST /api/v1/token'), 1);
    assert.equal(t.fake.state.count('POST /api/v1/credentials'), 3, 'one per role');
  });

  it('logout revokes on the server and deletes the tokens and the cache', async () => {
    seedLogin(t.sb, t.fake);
    assert.equal((await runBundle(cp(), t.sb.env)).code, 0);
    const r = await runBundle(['logout'], t.sb.env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Logged out of/);
    assert.equal(t.fake.state.count('POST /api/v1/logout'), 1);
    assert.equal(tokens(), undefined);
    const after = await runBundle(cp(), t.sb.env);
    assert.equal(after.code, EXIT.LOGIN_REQUIRED, 'no cached credentials survive a logout');
  });
});
