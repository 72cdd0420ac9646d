import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  credentialsOf,
  getSigninToken,
  login,
  postForm,
  sessionJson,
  signinToken,
  startHarness,
} from './test-helpers';

test('getSigninToken also accepts a form POST', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const res = await postForm(
    `${h.emulator.url}/federation`,
    new URLSearchParams({
      Action: 'getSigninToken',
      SessionDuration: '43200',
      Session: sessionJson(creds),
    }),
  );
  assert.equal(res.status, 200);
  const { SigninToken } = (await res.json()) as { SigninToken: string };
  assert.equal((await login(h, SigninToken)).status, 302);
});

test('getSigninToken with a mismatched session key → 400', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const res = await getSigninToken(h, sessionJson(creds, { sessionKey: 'y'.repeat(40) }));
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Invalid Credentials Parameter/);
});

test('getSigninToken with extra or missing Session keys → 400', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const extra = await getSigninToken(h, sessionJson(creds, { region: 'us-east-1' }));
  assert.equal(extra.status, 400);
  const missing = await getSigninToken(
    h,
    JSON.stringify({ sessionId: creds.AccessKeyId, sessionKey: creds.SecretAccessKey }),
  );
  assert.equal(missing.status, 400);
  const notJson = await getSigninToken(h, 'sessionId=x');
  assert.equal(notJson.status, 400);
});

test('getSigninToken with a bad SessionDuration → 400 "Invalid SessionDuration"', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  for (const value of ['899', '43201', 'abc', '3600.5', '']) {
    const res = await getSigninToken(h, sessionJson(creds), { SessionDuration: value });
    assert.equal(res.status, 400, `SessionDuration=${value}`);
    assert.match(await res.text(), /Invalid SessionDuration/);
  }
});

test('a sign-in token works once only', async (t) => {
  const h = await startHarness(t);
  const token = await signinToken(h, credentialsOf(await h.assume()));
  assert.equal((await login(h, token)).status, 302);
  const reused = await login(h, token);
  assert.equal(reused.status, 400);
  assert.match(await reused.text(), /Invalid SigninToken \(used\)/);
});

test('a sign-in token expires after 15 minutes', async (t) => {
  let now = Date.now();
  const h = await startHarness(t, { now: () => now });
  const token = await signinToken(h, credentialsOf(await h.assume()));
  now += 15 * 60_000 + 1000;
  const res = await login(h, token);
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Invalid SigninToken \(expired\)/);
});

test('login refuses a Destination outside the emulator console', async (t) => {
  const h = await startHarness(t);
  const token = await signinToken(h, credentialsOf(await h.assume()));
  for (const destination of [
    'https://evil.example.com/console/home',
    `${h.emulator.url}/federation`,
    'javascript:alert(1)',
  ]) {
    const res = await login(h, token, destination);
    assert.equal(res.status, 400, destination);
    assert.match(await res.text(), /Invalid Destination/);
  }
});

test('getSigninToken with expired credentials → 400', async (t) => {
  let now = Date.now();
  const h = await startHarness(t, { now: () => now });
  const creds = credentialsOf(await h.assume({ DurationSeconds: 900 }));
  now += 901_000;
  assert.equal((await getSigninToken(h, sessionJson(creds))).status, 400);
});
