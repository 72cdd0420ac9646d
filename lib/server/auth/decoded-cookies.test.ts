/** Issue 15 §2: a session cookie is decoded once per value, never past its exp, and only when it decoded. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode, decode } from 'next-auth/jwt';
import { createDecodedCookies, type DecodeSessionToken } from './decoded-cookies';

const SECRET = 'x'.repeat(40);

function counting(inner: DecodeSessionToken) {
  const calls: string[] = [];
  const fn: DecodeSessionToken = (token) => {
    calls.push(token);
    return inner(token);
  };
  return { fn, calls };
}

test('decodes a value once, then answers its sid from memory until exp', async () => {
  let now = 1_000;
  const d = counting(async (t) => (t === 'good' ? { sid: 's1', exp: 1_100 } : null));
  const cookies = createDecodedCookies(d.fn, () => now);
  assert.equal(await cookies.sid('good'), 's1');
  assert.equal(await cookies.sid('good'), 's1');
  assert.equal(d.calls.length, 1);
  now = 1_100; // exp reached: decoded afresh (and the decoder decides)
  assert.equal(await cookies.sid('good'), 's1');
  assert.equal(d.calls.length, 2);
  assert.equal(cookies.size, 0, 'an expired value is not remembered again');
});

test('never remembers a failure, a value without a string sid, or one without a numeric exp', async () => {
  const d = counting(async (t) => {
    if (t === 'throws') throw new Error('bad');
    if (t === 'no-sid') return { exp: 9_999 };
    if (t === 'no-exp') return { sid: 's2' };
    return null;
  });
  const cookies = createDecodedCookies(d.fn, () => 1_000);
  for (let i = 0; i < 2; i++) {
    assert.equal(await cookies.sid('throws'), undefined);
    assert.equal(await cookies.sid('no-sid'), undefined);
    assert.equal(await cookies.sid('nothing'), undefined);
    assert.equal(await cookies.sid('no-exp'), 's2', 'used as decoded');
  }
  assert.equal(d.calls.length, 8);
  assert.equal(cookies.size, 0);
});

test('is bounded: the least recently used value is forgotten first', async () => {
  const d = counting(async (t) => ({ sid: `sid-${t}`, exp: 9_999 }));
  const cookies = createDecodedCookies(d.fn, () => 1_000, 2);
  await cookies.sid('a');
  await cookies.sid('b');
  await cookies.sid('a'); // a is now the most recent
  await cookies.sid('c'); // evicts b
  assert.equal(cookies.size, 2);
  d.calls.length = 0;
  await cookies.sid('a');
  await cookies.sid('c');
  assert.equal(d.calls.length, 0);
  await cookies.sid('b');
  assert.deepEqual(d.calls, ['b']);
});

test("with next-auth's own decode: a real cookie, a tampered one, another secret's", async () => {
  const token = await encode({ token: { sid: 'abc' }, secret: SECRET, maxAge: 60 });
  const cookies = createDecodedCookies((t) => decode({ token: t, secret: SECRET }), () => Date.now() / 1000);
  assert.equal(await cookies.sid(token), 'abc');
  assert.equal(await cookies.sid(token), 'abc');
  const tampered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
  assert.equal(await cookies.sid(tampered), undefined);
  const foreign = await encode({ token: { sid: 'abc' }, secret: 'y'.repeat(40), maxAge: 60 });
  assert.equal(await cookies.sid(foreign), undefined);
  const expired = await encode({ token: { sid: 'old' }, secret: SECRET, maxAge: -60 });
  assert.equal(await cookies.sid(expired), undefined);
});
