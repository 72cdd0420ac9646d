import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { GatewayError } from '../errors';
import type { Credentials } from '../types';
import { buildGetSigninTokenRequest, buildLoginUrl, parseSigninTokenResponse } from './signin-url';

const FED = 'https://eu-west-1.signin.aws.amazon.com/federation';
const CREDS: Credentials = {
  accessKeyId: 'ASIAQNZGKEXAMPLE7ABC',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+ex/ample==',
  expiration: '2030-01-02T03:04:05Z',
};

function isCode(code: string) {
  return (e: unknown): boolean => e instanceof GatewayError && e.code === code;
}

describe('buildGetSigninTokenRequest', () => {
  it('sends Action and a Session JSON with exactly sessionId, sessionKey, sessionToken', () => {
    const url = new URL(buildGetSigninTokenRequest({ federationUrl: FED, credentials: CREDS }));
    assert.equal(url.origin + url.pathname, FED);
    assert.equal(url.searchParams.get('Action'), 'getSigninToken');
    assert.equal(url.searchParams.has('SessionDuration'), false);
    assert.deepEqual(JSON.parse(url.searchParams.get('Session') ?? ''), {
      sessionId: CREDS.accessKeyId,
      sessionKey: CREDS.secretAccessKey,
      sessionToken: CREDS.sessionToken,
    });
    assert.ok(!url.search.includes('/'), 'the JSON is URL-encoded');
  });

  it('adds SessionDuration only when given, and only within 900–43200', () => {
    const base = { federationUrl: FED, credentials: CREDS };
    const url = new URL(buildGetSigninTokenRequest({ ...base, sessionDurationSeconds: 3600 }));
    assert.equal(url.searchParams.get('SessionDuration'), '3600');
    for (const d of [899, 43201, 0, 3600.5, Number.NaN]) {
      assert.throws(
        () => buildGetSigninTokenRequest({ ...base, sessionDurationSeconds: d }),
        isCode('AWS_VALUE_INVALID'),
        String(d),
      );
    }
  });

  it('carries awkward characters losslessly', () => {
    const credentials = { ...CREDS, secretAccessKey: `a+b&c=d "e" %f #g\n` };
    const url = new URL(buildGetSigninTokenRequest({ federationUrl: FED, credentials }));
    const session = JSON.parse(url.searchParams.get('Session') ?? '') as { sessionKey: string };
    assert.equal(session.sessionKey, credentials.secretAccessKey);
    assert.equal([...url.searchParams.keys()].join(), 'Action,Session');
  });

  it('rejects empty credential fields and a non-http federation URL', () => {
    assert.throws(
      () => buildGetSigninTokenRequest({ federationUrl: FED, credentials: { ...CREDS, sessionToken: '' } }),
      isCode('AWS_VALUE_INVALID'),
    );
    const bad = ['javascript:alert(1)', 'not a url', 'https://user:pw@x/federation', 'file:///etc/passwd'];
    for (const federationUrl of bad) {
      assert.throws(
        () => buildGetSigninTokenRequest({ federationUrl, credentials: CREDS }),
        isCode('CONFIG_INVALID'),
        federationUrl,
      );
    }
  });
});

describe('parseSigninTokenResponse', () => {
  it('returns the SigninToken', () => {
    assert.equal(parseSigninTokenResponse(200, '{"SigninToken":"tok-123"}'), 'tok-123');
  });

  it('rejects error statuses without echoing the body', () => {
    const body = `Invalid Credentials Parameter ${CREDS.secretAccessKey}`;
    for (const status of [400, 403, 500, 302]) {
      assert.throws(
        () => parseSigninTokenResponse(status, body),
        (e: unknown) =>
          isCode('CONSOLE_SIGNIN_FAILED')(e) &&
          !(e as GatewayError).message.includes('EXAMPLEKEY') &&
          !String((e as GatewayError).publicDetail).includes('EXAMPLEKEY') &&
          String((e as GatewayError).publicDetail).includes(String(status)),
      );
    }
  });

  it('rejects a non-JSON body and JSON without a usable SigninToken', () => {
    const bodies = ['<html>oops</html>', '', 'null', '[]', '"tok"', '{}'];
    bodies.push('{"SigninToken":""}', '{"SigninToken":42}', '{"signintoken":"x"}');
    for (const body of bodies) {
      assert.throws(() => parseSigninTokenResponse(200, body), isCode('CONSOLE_SIGNIN_FAILED'), body);
    }
  });
});

describe('buildLoginUrl', () => {
  it('builds Action=login with Issuer, Destination and SigninToken', () => {
    const destination = 'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1';
    const issuer = 'https://rolegate.example.com/';
    const url = new URL(buildLoginUrl({ federationUrl: FED, issuer, destination, signinToken: 'tok+/=' }));
    assert.equal(url.origin + url.pathname, FED);
    assert.equal(url.searchParams.get('Action'), 'login');
    assert.equal(url.searchParams.get('Issuer'), 'https://rolegate.example.com/');
    assert.equal(url.searchParams.get('Destination'), destination);
    assert.equal(url.searchParams.get('SigninToken'), 'tok+/=');
  });

  it('keeps an override path (local emulator)', () => {
    const url = buildLoginUrl({
      federationUrl: 'http://localhost:3002/federation',
      issuer: 'http://localhost:3000',
      destination: 'http://localhost:3002/console/console/home?region=eu-west-1',
      signinToken: 't',
    });
    const start = 'http://localhost:3002/federation?Action=login&Issuer=http%3A%2F%2Flocalhost%3A3000%2F&';
    assert.ok(url.startsWith(start), url);
  });

  it('rejects a non-http issuer or destination and an empty token', () => {
    const ok = {
      federationUrl: FED,
      issuer: 'https://rolegate.example.com',
      destination: 'https://console.amazonaws.cn/',
      signinToken: 't',
    };
    assert.throws(() => buildLoginUrl({ ...ok, issuer: 'javascript:alert(1)' }), isCode('CONFIG_INVALID'));
    assert.throws(() => buildLoginUrl({ ...ok, destination: 'data:text/html,x' }), isCode('CONFIG_INVALID'));
    assert.throws(() => buildLoginUrl({ ...ok, signinToken: '' }), isCode('CONSOLE_SIGNIN_FAILED'));
  });
});
