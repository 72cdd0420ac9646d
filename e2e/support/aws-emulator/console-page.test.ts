import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNT,
  consoleCookie,
  consolePage,
  credentialsOf,
  login,
  ROLE,
  signinToken,
  startHarness,
} from './test-helpers';

test('getSigninToken + login + console shows the assumed-role ARN, region and service', async (t) => {
  const h = await startHarness(t);
  const token = await signinToken(h, credentialsOf(await h.assume()));
  const res = await login(h, token);
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), `${h.emulator.url}/console/s3/home?region=eu-west-1`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await consolePage(h, '/console/s3/home?region=eu-west-1', cookie);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /AWS Management Console \(emulator\)/);
  assert.match(
    html,
    new RegExp(
      `<span data-testid="console-arn">arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/alice</span>`,
    ),
  );
  assert.match(html, /<span data-testid="console-region">eu-west-1<\/span>/);
  assert.match(html, /<span data-testid="console-service">s3<\/span>/);
  assert.match(html, /<span data-testid="console-session-name">alice<\/span>/);
  const home = await (await consolePage(h, '/console/home', cookie)).text();
  assert.match(home, /<span data-testid="console-service">home<\/span>/);
  assert.match(home, /<span data-testid="console-region">us-east-1<\/span>/);
  assert.equal(h.emulator.requests.federation, 2);
});

test('console without login → 403 not signed in', async (t) => {
  const h = await startHarness(t);
  const res = await consolePage(h, '/console/home');
  assert.equal(res.status, 403);
  assert.match(await res.text(), /not signed in/);
  const forged = await consolePage(h, '/console/home', 'aws-emulator-console=forged');
  assert.equal(forged.status, 403);
});

test('the console session lasts SessionDuration, else the credential lifetime', async (t) => {
  let now = Date.now();
  const h = await startHarness(t, { now: () => now });
  const creds = credentialsOf(await h.assume({ DurationSeconds: 900 }));
  const short = await consoleCookie(h, await signinToken(h, creds));
  const long = await consoleCookie(h, await signinToken(h, creds, { SessionDuration: '3600' }));
  now += 901_000;
  assert.equal((await consolePage(h, '/console/home', short)).status, 403);
  assert.equal((await consolePage(h, '/console/home', long)).status, 200);
  now += 3600_000;
  assert.equal((await consolePage(h, '/console/home', long)).status, 403);
});
