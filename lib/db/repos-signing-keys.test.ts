import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { GatewayError } from '../core/errors';
import { createSecretBox } from './crypto';
import type { NewSigningKey, SigningKeyRecord } from './repos';
import { describeEachDialect } from './test-support/databases';

const box = createSecretBox([randomBytes(32)]);
const t0 = new Date('2030-03-01T00:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const hasCode = (code: GatewayError['code']) => (e: unknown) =>
  e instanceof GatewayError && e.code === code;

// One real RSA key pair, reused under different kids: these tests are about storage, not key generation.
const pair = generateKeyPair('RS256', { modulusLength: 2048, extractable: true }).then(
  async (p) => ({
    publicJwk: await exportJWK(p.publicKey),
    privateJwk: await exportJWK(p.privateKey),
  }),
);

async function rsaKey(
  kid: string,
  status: NewSigningKey['status'],
  createdAt: Date,
): Promise<NewSigningKey> {
  const jwks = await pair;
  const publicJwk: JWK = { ...jwks.publicJwk, kid, alg: 'RS256', use: 'sig' };
  const privateJwk = JSON.stringify({ ...jwks.privateJwk, kid });
  return {
    kid,
    alg: 'RS256',
    publicJwk,
    privateJwkEnc: box.seal(privateJwk, kid),
    status,
    createdAt,
  };
}

const statuses = (keys: SigningKeyRecord[]) =>
  Object.fromEntries(keys.map((k) => [k.kid, k.status]));

// One story per dialect; the tests run in order and build on each other's keys.
describeEachDialect('signing keys repo', (ctx) => {
  let first: NewSigningKey;

  it('inserts the first key as active and lists it back (JWK, sealed private JWK, dates)', async () => {
    first = await rsaKey('k1', 'active', t0);
    const inserted = await ctx().repos.signingKeys.insertSigningKey(first);
    const [listed] = await ctx().repos.signingKeys.listSigningKeys();
    assert.deepEqual(listed, inserted);
    assert.deepEqual(listed, { ...first, createdAt: t0, activatedAt: t0, retiredAt: undefined });
    assert.equal(box.open(listed?.privateJwkEnc ?? '', 'k1'), box.open(first.privateJwkEnc, 'k1'));
  });

  it('refuses a second active key, a duplicate kid, private members in the public JWK and an unsealed private JWK', async () => {
    const { signingKeys } = ctx().repos;
    await assert.rejects(
      signingKeys.insertSigningKey(await rsaKey('k-2nd-active', 'active', at(1))),
      hasCode('DB_CONFLICT'),
    );
    await assert.rejects(
      signingKeys.insertSigningKey({ ...first, status: 'next' }),
      hasCode('DB_CONFLICT'),
    );
    const leaky = await rsaKey('k-leaky', 'next', at(1));
    await assert.rejects(
      signingKeys.insertSigningKey({ ...leaky, publicJwk: { ...leaky.publicJwk, d: 'x' } }),
      hasCode('INTERNAL'),
    );
    await assert.rejects(
      signingKeys.insertSigningKey({ ...leaky, privateJwkEnc: '{"kty":"RSA","d":"x"}' }),
      hasCode('INTERNAL'),
    );
    assert.deepEqual(statuses(await signingKeys.listSigningKeys()), { k1: 'active' });
  });

  it('activateKey retires the active key and activates the next one', async () => {
    const { signingKeys } = ctx().repos;
    await signingKeys.insertSigningKey(await rsaKey('k2', 'next', at(10)));
    const result = await signingKeys.activateKey('k2', at(20));
    assert.deepEqual(result.retired, ['k1']);
    assert.deepEqual(
      [result.activated.kid, result.activated.status, result.activated.activatedAt],
      ['k2', 'active', at(20)],
    );
    const keys = await signingKeys.listSigningKeys();
    assert.deepEqual(statuses(keys), { k1: 'retired', k2: 'active' });
    assert.deepEqual(keys[0]?.retiredAt, at(20));
    assert.deepEqual(keys[0]?.activatedAt, t0);
  });

  it('activateKey is atomic: activating a key that is not next changes nothing, not even the retirement', async () => {
    const { signingKeys } = ctx().repos;
    const before = await signingKeys.listSigningKeys();
    await assert.rejects(signingKeys.activateKey('k1', at(30)), hasCode('SIGNING_KEY_UNAVAILABLE')); // retired
    await assert.rejects(
      signingKeys.activateKey('no-such-kid', at(30)),
      hasCode('SIGNING_KEY_UNAVAILABLE'),
    );
    assert.deepEqual(await signingKeys.listSigningKeys(), before);
  });

  it('two activations racing each other leave exactly one active key', async () => {
    const { signingKeys } = ctx().repos;
    await signingKeys.insertSigningKey(await rsaKey('k3', 'next', at(40)));
    await signingKeys.insertSigningKey(await rsaKey('k4', 'next', at(41)));
    const results = await Promise.allSettled([
      signingKeys.activateKey('k3', at(50)),
      signingKeys.activateKey('k4', at(50)),
    ]);
    for (const r of results) {
      if (r.status === 'rejected') assert.ok(hasCode('DB_CONFLICT')(r.reason), String(r.reason));
    }
    assert.ok(results.some((r) => r.status === 'fulfilled'));
    const active = (await signingKeys.listSigningKeys()).filter((k) => k.status === 'active');
    assert.equal(active.length, 1);
  });

  it('setSigningKeyStatus retires a key with its time, and reports an unknown kid', async () => {
    const { signingKeys } = ctx().repos;
    await signingKeys.insertSigningKey(await rsaKey('k5', 'next', at(60)));
    const retired = await signingKeys.setSigningKeyStatus('k5', 'retired', at(61));
    assert.deepEqual(
      [retired.status, retired.retiredAt, retired.activatedAt],
      ['retired', at(61), undefined],
    );
    await assert.rejects(
      signingKeys.setSigningKeyStatus('nope', 'retired', at(61)),
      hasCode('SIGNING_KEY_UNAVAILABLE'),
    );
    const kids = (await signingKeys.listSigningKeys()).map((k) => k.kid);
    assert.deepEqual(kids, ['k1', 'k2', 'k3', 'k4', 'k5'], 'oldest first');
  });
});
