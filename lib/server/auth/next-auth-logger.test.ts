/**
 * Issue 13 §4: next-auth logs through pino, one JSON line per event, never with a state, nonce, PKCE
 * verifier, authorization code or token value. The calls below are the ones next-auth 4.24 makes.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { nextAuthLogger, scrubSecrets } from './next-auth-logger';

const STATE = 'p9Qz3c1Yt0JkVb7s2LmN8xWqR4eT6uIo5aSdFgHjKl0';
const NONCE = 'n0nc3-ZmFrZS1ub25jZS12YWx1ZS1mb3ItdGVzdGluZw';
const CODE = 'c0de_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlc2lnbmF0dXJl';

function capture(level: pino.Level = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const log = pino({ level }, stream);
  return { lines, logger: nextAuthLogger(() => log) };
}

test('issue 13 §4: each next-auth event is one pino JSON line, and no state, nonce, code or token value reaches it', () => {
  const { lines, logger } = capture();
  logger.debug('GET_AUTHORIZATION_URL', {
    url: `https://idp.example/auth?state=${STATE}&nonce=${NONCE}`,
    cookies: [{ value: STATE }],
  });
  logger.debug('OAUTH_CALLBACK_RESPONSE', {
    account: { id_token: JWT, access_token: CODE },
    profile: { sub: 'alice' },
  });
  logger.error('OAUTH_CALLBACK_ERROR', {
    error: Object.assign(new Error(`state mismatch, expected ${STATE}, got: ${NONCE}`), {
      name: 'OAuthCallbackError',
    }),
    providerId: 'okta',
  });
  logger.error('OAUTH_CALLBACK_HANDLER_ERROR', {
    error: new Error('access_denied'),
    error_description: `code ${CODE} was used`,
    providerId: 'okta',
  });
  logger.warn('DEBUG_ENABLED');
  assert.equal(lines.length, 5);
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(
    parsed.map((p) => [p.source, p.event]),
    [
      ['next-auth', 'GET_AUTHORIZATION_URL'],
      ['next-auth', 'OAUTH_CALLBACK_RESPONSE'],
      ['next-auth', 'OAUTH_CALLBACK_ERROR'],
      ['next-auth', 'OAUTH_CALLBACK_HANDLER_ERROR'],
      ['next-auth', 'DEBUG_ENABLED'],
    ],
  );
  assert.deepEqual(
    [parsed[2]?.name, parsed[2]?.message, parsed[2]?.providerId],
    ['OAuthCallbackError', 'state mismatch, expected [redacted], got: [redacted]', 'okta'],
  );
  assert.deepEqual(
    [parsed[3]?.message, parsed[3]?.description],
    ['access_denied', 'code [redacted] was used'],
  );
  for (const secret of [STATE, NONCE, CODE, JWT, 'alice'])
    assert.ok(!lines.join('\n').includes(secret), secret);
});

test('issue 13 §4: scrubbing keeps the words of a message and cuts long ones', () => {
  assert.equal(scrubSecrets('State cookie was missing.'), 'State cookie was missing.');
  assert.equal(
    scrubSecrets(`unexpected iss value, expected https://sso.example/okta, got: ${JWT}`),
    'unexpected iss value, expected https://sso.example/okta, got: [redacted]',
  );
  assert.equal(scrubSecrets('x '.repeat(400)).length, 300);
});
