import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

import { cliEnv } from './env';
import { EXIT } from './errors';
import { tokensFile } from './paths';
import { startFakeServer, type FakeServer } from './test-support/fake-server';
import {
  buildBundle,
  runBundle,
  runInProcess,
  sandbox,
  type Sandbox,
} from './test-support/harness';
import { loadTokens } from './tokens';

let fake: FakeServer;
let sb: Sandbox;
before(async () => {
  fake = await startFakeServer();
});
after(() => fake.close());
beforeEach(() => {
  sb = sandbox();
  fake.state.counts.clear();
  fake.state.deviceInterval = 1;
});
afterEach(() => sb.cleanup());

const login = (...extra: string[]) => ['login', '--server', fake.url, '--no-browser', ...extra];

describe('rolegate login (RFC 8628 device flow)', () => {
  it('polls at the interval, adds 5 s on slow_down, then stores the tokens (0600)', async () => {
    fake.state.deviceScript = [
      'authorization_pending',
      'slow_down',
      'authorization_pending',
      'approve',
    ];
    const r = await runInProcess(login(), sb);
    assert.equal(r.code, EXIT.OK, r.stderr);
    assert.deepEqual(r.sleeps, [1000, 1000, 6000, 6000]);
    assert.equal(fake.state.count('POST /api/v1/device/token'), 4);
    assert.match(r.stderr, /open http:\/\/127\.0\.0\.1\/device\nand enter the code: WDJB-MJHT\n/);
    assert.match(r.stderr, /Logged in to http:\/\/127\.0\.0\.1:\d+ as alice@example\.com \(Okta\)/);
    assert.equal(r.stdout, '');
    assert.deepEqual(r.opened, [], '--no-browser opens nothing');
    const env = cliEnv(sb.env);
    assert.equal(loadTokens({ env })?.server, fake.url);
    assert.equal(statSync(tokensFile(env)).mode & 0o777, 0o600);
  });

  it('uses the RFC default interval of 5 s when the server sends none', async () => {
    fake.state.deviceScript = ['approve'];
    fake.state.deviceInterval = undefined;
    const r = await runInProcess(login(), sb);
    assert.equal(r.code, EXIT.OK, r.stderr);
    assert.deepEqual(r.sleeps, [5000]);
  });

  it('opens verification_uri_complete in a browser when one is available', async () => {
    fake.state.deviceScript = ['approve'];
    const r = await runInProcess(['login', '--server', fake.url], sb, { browser: true });
    assert.equal(r.code, EXIT.OK, r.stderr);
    assert.deepEqual(r.opened, ['http://127.0.0.1/device?user_code=WDJB-MJHT']);
    assert.match(r.stderr, /Opened your browser/);
  });

  it('still prints the code when no browser can be opened', async () => {
    fake.state.deviceScript = ['approve'];
    const r = await runInProcess(['login', '--server', fake.url], sb, { browser: false });
    assert.equal(r.code, EXIT.OK);
    assert.match(r.stderr, /WDJB-MJHT/);
    assert.doesNotMatch(r.stderr, /Opened your browser/);
  });

  it('access_denied: exit 3, a clear message, no tokens', async () => {
    fake.state.deviceScript = ['authorization_pending', 'access_denied'];
    const r = await runInProcess(login(), sb);
    assert.equal(r.code, EXIT.DENIED);
    assert.match(r.stderr, /rolegate: the sign-in request was denied in the browser\n$/);
    assert.equal(loadTokens({ env: cliEnv(sb.env) }), undefined);
  });

  it('expired_token: exit 4 and "run rolegate login again"', async () => {
    fake.state.deviceScript = ['authorization_pending', 'expired_token'];
    const r = await runInProcess(login(), sb);
    assert.equal(r.code, EXIT.CODE_EXPIRED);
    assert.match(r.stderr, /the code expired before it was approved; run "rolegate login" again/);
  });

  it('stops polling by itself once expires_in has passed', async () => {
    fake.state.deviceScript = Array(100).fill('authorization_pending');
    fake.state.deviceExpiresIn = 5;
    const r = await runInProcess(login(), sb);
    fake.state.deviceExpiresIn = 600;
    assert.equal(r.code, EXIT.CODE_EXPIRED);
    assert.equal(fake.state.count('POST /api/v1/device/token'), 4);
  });

  it('issue 14 §7: login with no server anywhere is a bad command line (64)', async () => {
    const r = await runInProcess(['login'], sb);
    assert.equal(r.code, EXIT.USAGE);
    assert.match(r.stderr, /no server: run "rolegate login --server URL"/);
  });

  it('refuses plain http to a non-loopback server (tokens in clear text)', async () => {
    const r = await runInProcess(['login', '--server', 'http://rolegate.example.com'], sb);
    assert.equal(r.code, EXIT.USAGE);
    assert.match(r.stderr, /must be an https URL/);
    assert.equal(fake.state.count('POST /api/v1/device/code'), 0);
  });

  it('works end to end as a whole process from the bundle', async () => {
    buildBundle();
    fake.state.deviceScript = ['authorization_pending', 'approve'];
    const r = await runBundle(login(), sb.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Logged in to .* as alice@example\.com/);
    const whoami = await runBundle(['whoami'], sb.env);
    assert.equal(whoami.code, 0, whoami.stderr);
    assert.match(
      whoami.stdout,
      /^Alice <alice@example\.com>\nidentity provider: Okta \(via device\)/,
    );
  });

  it('whoami copes with a user without an email (null on the wire)', async () => {
    const saved = fake.state.whoami.user;
    fake.state.whoami.user = { id: 'u2', email: null, name: null };
    fake.state.deviceScript = ['approve'];
    const r = await runInProcess(login(), sb);
    const w = await runInProcess(['whoami'], sb);
    fake.state.whoami.user = saved;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Logged in to .* as u2 \(Okta\)/);
    assert.match(w.stdout, /^u2\nidentity provider: Okta/);
  });
});
