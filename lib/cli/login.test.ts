import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';

import { cliEnv } from './env';
import { EXIT } from './errors';
import { tokensFile } from './paths';
import { buildBundle, runBundle, runInProcess } from './test-support/harness';
import { loadTokens } from './tokens';
import { cliTestbed } from './test-support/testbed';

const t = cliTestbed({ loggedIn: false, reset: ({ fake }) => (fake.state.deviceInterval = 1) });

const login = (...extra: string[]) => ['login', '--server', t.fake.url, '--no-browser', ...extra];

describe('rolegate login (RFC 8628 device flow)', () => {
  it('polls at the interval, adds 5 s on slow_down, then stores the tokens (0600)', async () => {
    t.fake.state.deviceScript = [
      'authorization_pending',
      'slow_down',
      'authorization_pending',
      'approve',
    ];
    const r = await runInProcess(login(), t.sb);
    assert.equal(r.code, EXIT.OK, r.stderr);
    assert.deepEqual(r.sleeps, [1000, 1000, 6000, 6000]);
    assert.equal(t.fake.state.count('POST /api/v1/device/token'), 4);
    assert.match(r.stderr, /open http:\/\/127\.0\.0\.1\/device\nand enter the code: WDJB-MJHT\n/);
    assert.match(r.stderr, /Logged in to http:\/\/127\.0\.0\.1:\d+ as alice@example\.com \(Okta\)/);
    assert.equal(r.stdout, '');
    assert.deepEqual(r.opened, [], '--no-browser opens nothing');
    const env = cliEnv(t.sb.env);
    assert.equal(loadTokens({ env })?.server, t.fake.url);
    assert.equal(statSync(tokensFile(env)).mode & 0o777, 0o600);
  });

  it('uses the RFC default interval of 5 s when the server sends none', async () => {
    t.fake.state.deviceScript = ['approve'];
    t.fake.state.deviceInterval = undefined;
    const r = await runInProcess(login(), t.sb);
    assert.equal(r.code, EXIT.OK, r.stderr);
    assert.deepEqual(r.sleeps, [5000]);
  });

  it('opens verification_uri_complete in a browser when one is available', async () => {
    t.fake.state.deviceScript = ['approve'];
    const r = await runInProcess(['login', '--server', t.fake.url], t.sb, { browser: true });
    assert.equal(r.code, EXIT.OK, r.stderr);
    assert.deepEqual(r.opened, ['http://127.0.0.1/device?user_code=WDJB-MJHT']);
    assert.match(r.stderr, /Opened your browser/);
  });

  it('still prints the code when no browser can be opened', async () => {
    t.fake.state.deviceScript = ['approve'];
    const r = await runInProcess(['login', '--server', t.fake.url], t.sb, { browser: false });
    assert.equal(r.code, EXIT.OK);
    assert.match(r.stderr, /WDJB-MJHT/);
    assert.doesNotMatch(r.stderr, /Opened your browser/);
  });

  it('access_denied: exit 3, a clear message, no tokens', async () => {
    t.fake.state.deviceScript = ['authorization_pending', 'access_denied'];
    const r = await runInProcess(login(), t.sb);
    assert.equal(r.code, EXIT.DENIED);
    assert.match(r.stderr, /rolegate: the sign-in request was denied in the browser\n$/);
    assert.equal(loadTokens({ env: cliEnv(t.sb.env) }), undefined);
  });

  it('expired_token: exit 4 and "run rolegate login again"', async () => {
    t.fake.state.deviceScript = ['authorization_pending', 'expired_token'];
    const r = await runInProcess(login(), t.sb);
    assert.equal(r.code, EXIT.CODE_EXPIRED);
    assert.match(r.stderr, /the code expired before it was approved; run "rolegate login" again/);
  });

  it('stops polling by itself once expires_in has passed', async () => {
    t.fake.state.deviceScript = Array(100).fill('authorization_pending');
    t.fake.state.deviceExpiresIn = 5;
    const r = await runInProcess(login(), t.sb);
    t.fake.state.deviceExpiresIn = 600;
    assert.equal(r.code, EXIT.CODE_EXPIRED);
    assert.equal(t.fake.state.count('POST /api/v1/device/token'), 4);
  });

  it('issue 14 §7: login with no server anywhere is a bad command line (64)', async () => {
    const r = await runInProcess(['login'], t.sb);
    assert.equal(r.code, EXIT.USAGE);
    assert.match(r.stderr, /no server: run "rolegate login --server URL"/);
  });

  it('refuses plain http to a non-loopback server (tokens in clear text)', async () => {
    const r = await runInProcess(['login', '--server', 'http://rolegate.example.com'], t.sb);
    assert.equal(r.code, EXIT.USAGE);
    assert.match(r.stderr, /must be an https URL/);
    assert.equal(t.fake.state.count('POST /api/v1/device/code'), 0);
  });

  it('works end to end as a whole process from the bundle', async () => {
    buildBundle();
    t.fake.state.deviceScript = ['authorization_pending', 'approve'];
    const r = await runBundle(login(), t.sb.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Logged in to .* as alice@example\.com/);
    const whoami = await runBundle(['whoami'], t.sb.env);
    assert.equal(whoami.code, 0, whoami.stderr);
    assert.match(
      whoami.stdout,
      /^Alice <alice@example\.com>\nidentity provider: Okta \(via device\)/,
    );
  });

  it('whoami copes with a user without an email (null on the wire)', async () => {
    const saved = t.fake.state.whoami.user;
    t.fake.state.whoami.user = { id: 'u2', email: null, name: null };
    t.fake.state.deviceScript = ['approve'];
    const r = await runInProcess(login(), t.sb);
    const w = await runInProcess(['whoami'], t.sb);
    t.fake.state.whoami.user = saved;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Logged in to .* as u2 \(Okta\)/);
    assert.match(w.stdout, /^u2\nidentity provider: Okta/);
  });
});
