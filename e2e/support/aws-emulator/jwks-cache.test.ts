import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JSONWebKeySet } from 'jose';
import { createJwksCache } from './jwks-cache';
import { mintToken, startHarness } from './test-helpers';

const set = (...kids: string[]): JSONWebKeySet => ({ keys: kids.map((kid) => ({ kty: 'RSA', kid })) });

function counting(answers: JSONWebKeySet[]) {
  let calls = 0;
  return {
    load: async () => answers[Math.min(calls++, answers.length - 1)]!,
    calls: () => calls,
  };
}

test('a known kid is answered from the cache; an unknown kid refetches once; past the TTL it refetches', async () => {
  let now = 0;
  const cache = createJwksCache({ ttlMs: 60_000, minRefetchMs: 1000, now: () => now });
  const issuer = counting([set('k1'), set('k1', 'k2')]);
  assert.deepEqual(await cache.keysFor('iss', 'k1', issuer.load), set('k1'));
  assert.deepEqual(await cache.keysFor('iss', 'k1', issuer.load), set('k1'));
  assert.equal(issuer.calls(), 1);
  now = 1500;
  assert.deepEqual(await cache.keysFor('iss', 'k2', issuer.load), set('k1', 'k2'));
  assert.equal(issuer.calls(), 2);
  now = 1500 + 60_000;
  await cache.keysFor('iss', 'k1', issuer.load);
  assert.equal(issuer.calls(), 3);
});

test('made-up kids refetch at most once per interval, concurrent calls share one fetch, a failed fetch is not kept', async () => {
  const cache = createJwksCache({ ttlMs: 60_000, minRefetchMs: 1000, now: () => 0 });
  const issuer = counting([set('k1')]);
  await Promise.all([1, 2, 3].map(() => cache.keysFor('iss', 'k1', issuer.load)));
  assert.equal(issuer.calls(), 1);
  for (const kid of ['x1', 'x2', 'x3']) assert.deepEqual(await cache.keysFor('iss', kid, issuer.load), set('k1'));
  assert.equal(issuer.calls(), 1, 'unknown kids within the interval: no fetch');
  const failing = async (): Promise<JSONWebKeySet> => {
    throw new Error('down');
  };
  await assert.rejects(cache.keysFor('other', 'k1', failing), /down/);
  assert.deepEqual(await cache.keysFor('other', 'k1', issuer.load), set('k1'));
});

test('through STS: a second AssumeRoleWithWebIdentity with the same key does not fetch the JWKS again', async (t) => {
  const h = await startHarness(t);
  await h.assume({ WebIdentityToken: await mintToken(h.issuer) });
  // The issuer is gone; STS still has its keys, as AWS does between its refreshes.
  await h.issuer.close();
  await h.assume({ WebIdentityToken: await mintToken(h.issuer) });
});
