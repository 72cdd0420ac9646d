import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SigningKeyRecord } from './keys';
import { planKeyRotation, publishedKeys } from './rotation';

const policy = { rotationDays: 90, prepublishSeconds: 3600, retiredGraceSeconds: 600 };
const DAY = 86_400_000;
const t0 = new Date('2026-01-01T00:00:00Z');
const key = (kid: string, status: SigningKeyRecord['status'], createdMsAgo: number, extra: Partial<SigningKeyRecord> = {}): SigningKeyRecord => ({
  kid, alg: 'RS256', publicJwk: { kty: 'RSA' }, status, createdAt: new Date(t0.getTime() - createdMsAgo), ...extra,
});

test('first start: create a key and (once it exists) activate it, with a next key published', () => {
  assert.deepEqual(planKeyRotation([], t0, policy), { createNext: true, activate: undefined });
  assert.deepEqual(planKeyRotation([key('a', 'next', 0)], t0, policy), { createNext: true, activate: 'a' });
});

test('steady state keeps one active and one next key', () => {
  assert.deepEqual(planKeyRotation([key('a', 'active', DAY), key('b', 'next', DAY)], t0, policy), { createNext: false });
  assert.deepEqual(planKeyRotation([key('a', 'active', DAY)], t0, policy), { createNext: true });
});

test('rotation activates the next key only after it has been published long enough', () => {
  const old = key('a', 'active', 100 * DAY, { activatedAt: new Date(t0.getTime() - 91 * DAY) });
  assert.deepEqual(planKeyRotation([old, key('b', 'next', 1000)], t0, policy), { createNext: false });
  assert.deepEqual(planKeyRotation([old, key('b', 'next', 2 * 3600_000)], t0, policy), { createNext: true, activate: 'b' });
});

test('retired keys stay published for the grace period only', () => {
  const keys = [key('a', 'retired', DAY, { retiredAt: new Date(t0.getTime() - 300_000) }), key('b', 'retired', DAY, { retiredAt: new Date(t0.getTime() - 601_000) }), key('c', 'active', DAY)];
  assert.deepEqual(publishedKeys(keys, t0, policy).map((k) => k.kid), ['a', 'c']);
});
