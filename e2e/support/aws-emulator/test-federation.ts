/**
 * Federation-endpoint helpers for the emulator tests (getSigninToken, login, console page) over fetch.
 * Re-exported by test-helpers.ts.
 */
import assert from 'node:assert/strict';
import type { Credentials } from '@aws-sdk/client-sts';
import type { Harness } from './test-helpers';

export function sessionJson(creds: Credentials, override: Record<string, string> = {}): string {
  return JSON.stringify({
    sessionId: creds.AccessKeyId,
    sessionKey: creds.SecretAccessKey,
    sessionToken: creds.SessionToken,
    ...override,
  });
}

export function getSigninToken(
  h: Harness,
  session: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  const query = new URLSearchParams({ Action: 'getSigninToken', Session: session, ...extra });
  return fetch(`${h.emulator.url}/federation?${query}`);
}

export async function signinToken(
  h: Harness,
  creds: Credentials,
  extra: Record<string, string> = {},
): Promise<string> {
  const res = await getSigninToken(h, sessionJson(creds), extra);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await res.json()) as { SigninToken?: unknown };
  assert.equal(typeof body.SigninToken, 'string');
  return String(body.SigninToken);
}

export function login(
  h: Harness,
  token: string,
  destination = `${h.emulator.url}/console/s3/home?region=eu-west-1`,
): Promise<Response> {
  const query = new URLSearchParams({
    Action: 'login',
    Issuer: 'https://rolegate.example.com',
    Destination: destination,
    SigninToken: token,
  });
  return fetch(`${h.emulator.url}/federation?${query}`, { redirect: 'manual' });
}

export function consolePage(h: Harness, path: string, cookie?: string): Promise<Response> {
  return fetch(`${h.emulator.url}${path}`, {
    headers: cookie ? { cookie } : {},
    redirect: 'manual',
  });
}

/** Logs in and returns the console-session cookie (name=value). */
export async function consoleCookie(h: Harness, token: string): Promise<string> {
  const res = await login(h, token);
  assert.equal(res.status, 302);
  const setCookie = res.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /HttpOnly/);
  return setCookie.split(';')[0] ?? '';
}
