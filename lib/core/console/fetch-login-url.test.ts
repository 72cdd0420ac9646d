import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { GatewayError } from '../errors';
import type { Credentials } from '../types';
import { fetchConsoleLoginUrl, type FetchLoginUrlInput } from './fetch-login-url';

const CREDS: Credentials = {
  accessKeyId: 'ASIAQNZGKEXAMPLE7ABC',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+ex/ample==',
  expiration: '2030-01-02T03:04:05Z',
};
const INPUT: FetchLoginUrlInput = {
  federationUrl: 'https://signin.aws.amazon.com/federation',
  credentials: CREDS,
  issuer: 'https://rolegate.example.com',
  destination: 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1',
};

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(respond: (call: Call) => Promise<Response> | Response): {
  fetchFn: typeof fetch;
  calls: Call[];
} {
  const calls: Call[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  };
  return { fetchFn, calls };
}

/** A failure that is CONSOLE_SIGNIN_FAILED and leaks no secret into message or public detail. */
function signinFailed(e: unknown): boolean {
  if (!(e instanceof GatewayError) || e.code !== 'CONSOLE_SIGNIN_FAILED') return false;
  const text = `${e.message} ${e.publicDetail ?? ''}`;
  return !text.includes('EXAMPLEKEY') && !text.includes(CREDS.sessionToken);
}

describe('fetchConsoleLoginUrl', () => {
  it('GETs getSigninToken with a timeout signal and returns the login URL', async () => {
    const { fetchFn, calls } = fakeFetch(() => Response.json({ SigninToken: 'tok-abc' }));
    const login = await fetchConsoleLoginUrl(fetchFn, { ...INPUT, sessionDurationSeconds: 3600 });
    const url = new URL(login);
    assert.equal(calls.length, 1);
    const sent = new URL(calls[0]?.url ?? '');
    assert.equal(sent.searchParams.get('Action'), 'getSigninToken');
    assert.equal(sent.searchParams.get('SessionDuration'), '3600');
    assert.equal(calls[0]?.init?.method, 'GET');
    assert.equal(calls[0]?.init?.redirect, 'manual');
    assert.ok(calls[0]?.init?.signal instanceof AbortSignal);
    assert.equal(url.searchParams.get('Action'), 'login');
    assert.equal(url.searchParams.get('SigninToken'), 'tok-abc');
    assert.equal(url.searchParams.get('Destination'), INPUT.destination);
  });

  it('maps an error response to CONSOLE_SIGNIN_FAILED without the body', async () => {
    const body = `Invalid Credentials Parameter ${CREDS.secretAccessKey}`;
    const { fetchFn } = fakeFetch(() => new Response(body, { status: 400 }));
    await assert.rejects(fetchConsoleLoginUrl(fetchFn, INPUT), signinFailed);
  });

  it('maps a non-JSON answer to CONSOLE_SIGNIN_FAILED', async () => {
    const { fetchFn } = fakeFetch(() => new Response('<html>maintenance</html>', { status: 200 }));
    await assert.rejects(fetchConsoleLoginUrl(fetchFn, INPUT), signinFailed);
  });

  it('maps a network error to CONSOLE_SIGNIN_FAILED and keeps the cause', async () => {
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:443');
    const boom = new TypeError('fetch failed', { cause: refused });
    const { fetchFn } = fakeFetch(() => Promise.reject(boom));
    await assert.rejects(
      fetchConsoleLoginUrl(fetchFn, INPUT),
      (e: unknown) => signinFailed(e) && (e as Error).cause === boom,
    );
  });

  it('times out with AbortSignal.timeout', async () => {
    const { fetchFn } = fakeFetch(
      ({ init }) =>
        new Promise<Response>((_, reject) => {
          // AbortSignal.timeout's timer is unref'd: hold the loop open as a pending socket would.
          const hold = setTimeout(() => reject(new Error('signal never fired')), 5_000);
          init?.signal?.addEventListener('abort', () => {
            clearTimeout(hold);
            reject(init.signal?.reason);
          });
        }),
    );
    await assert.rejects(
      fetchConsoleLoginUrl(fetchFn, { ...INPUT, timeoutMs: 20 }),
      (e: unknown) =>
        signinFailed(e) && /timed out after 20 ms/.test((e as GatewayError).publicDetail ?? ''),
    );
  });

  it('rejects a bad duration before any request', async () => {
    const { fetchFn, calls } = fakeFetch(() => Response.json({ SigninToken: 'x' }));
    await assert.rejects(fetchConsoleLoginUrl(fetchFn, { ...INPUT, sessionDurationSeconds: 60 }), {
      code: 'AWS_VALUE_INVALID',
    });
    assert.equal(calls.length, 0);
  });
});
