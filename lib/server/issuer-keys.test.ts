/**
 * The issuer's keys at run time over the real repos on a migrated temp SQLite database, wired the way
 * lib/server/container.ts wires them (container.ts imports 'server-only', so its adapter is repeated here).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { migrate } from '../../prisma/migrate';
import { GatewayError } from '../core/errors';
import { jwksDocument } from '../core/oidc/discovery';
import type { RotationPolicy } from '../core/oidc/rotation';
import { mintWebIdentityToken } from '../core/oidc/web-identity-token';
import { closeDb, createDb } from '../db/client';
import { createSecretBox, type SecretBox } from '../db/crypto';
import { createRepos, type Repos } from '../db/repos';
import { runSql } from '../db/test-support/sql';
import { createIssuerKeys, type IssuerKeys, type SigningKeyStore, signingKeyStore } from './issuer-keys';

const DAY = 86_400_000;
// As container.ts: prepublish 1 h, grace = token lifetime (300 s) + AWS's 5 minute skew.
const policy: RotationPolicy = {
  rotationDays: 30,
  prepublishSeconds: 3600,
  retiredGraceSeconds: 600,
};
// A fixed clock far from the wall clock, so nothing may silently depend on Date.now().
const T0 = new Date('2024-01-01T00:00:00.000Z');
const ISSUER = 'https://rolegate.example.com';
const aad = (kid: string) => `signing-key:${kid}`;

/** container.ts's adapter from the repos to the store issuer-keys needs. */
function storeFor(repos: Repos): SigningKeyStore {
  return signingKeyStore(repos.signingKeys);
}

interface Env {
  url: string;
  repos: Repos;
  store: SigningKeyStore;
  box: SecretBox;
  /** The box's only key. */
  secret: Buffer;
  clock: { now: Date };
  /** A new instance, so nothing is cached (createIssuerKeys caches for 60 s of wall-clock time). */
  keys(box?: SecretBox): IssuerKeys;
}

async function setup(t: TestContext): Promise<Env> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-issuer-keys-'));
  const url = `file:${path.join(dir, 't.db')}`;
  await migrate(url);
  const db = createDb(url);
  t.after(async () => {
    await closeDb(db);
    rmSync(dir, { recursive: true, force: true });
  });
  const repos = createRepos(db);
  const store = storeFor(repos);
  const secret = randomBytes(32);
  const box = createSecretBox([secret]);
  const clock = { now: T0 };
  return {
    url,
    repos,
    store,
    box,
    secret,
    clock,
    keys: (b = box) => createIssuerKeys(store, b, policy, () => clock.now),
  };
}

const statuses = async (repos: Repos) =>
  Object.fromEntries((await repos.signingKeys.listSigningKeys()).map((k) => [k.kid, k.status]));

test('the first call creates an active key and publishes a next key', async (t) => {
  const env = await setup(t);
  const keys = env.keys();
  const signer = await keys.signer();
  const published = await keys.published();
  assert.equal(published.length, 2);
  const active = published.find((k) => k.status === 'active');
  const next = published.find((k) => k.status === 'next');
  assert.ok(active && next);
  assert.equal(signer.kid, active.kid);
  assert.notEqual(next.kid, active.kid);
  assert.equal(active.activatedAt?.toISOString(), T0.toISOString());
  for (const k of published) {
    assert.equal(
      k.createdAt.toISOString(),
      T0.toISOString(),
      `${k.kid} is stamped by the injected clock`,
    );
    assert.equal(k.alg, 'RS256');
    assert.equal(k.publicJwk.kty, 'RSA');
    assert.equal(k.publicJwk.d, undefined, 'no private member in the public JWK');
  }
  // The database holds exactly these two keys; a second instance finds them and creates nothing.
  assert.deepEqual(await statuses(env.repos), { [active.kid]: 'active', [next.kid]: 'next' });
  assert.equal((await env.keys().signer()).kid, active.kid);
  assert.equal((await env.repos.signingKeys.listSigningKeys()).length, 2);
});

test('the private key is stored sealed and opens only with its own kid as AAD', async (t) => {
  const env = await setup(t);
  await env.keys().signer();
  const rows = await runSql(
    env.url,
    'SELECT "kid", "privateJwkEnc", "publicJwk" FROM "SigningKey"',
  );
  assert.equal(rows.length, 2);
  const [a, b] = rows.map((r) => ({
    kid: String(r.kid),
    enc: String(r.privateJwkEnc),
    pub: String(r.publicJwk),
  }));
  assert.ok(a && b);
  for (const row of [a, b]) {
    assert.ok(!row.enc.includes('"d":'), 'no private exponent in the clear');
    assert.ok(!row.enc.includes('"kty"'), 'no JWK in the clear at all');
    assert.match(row.enc, /^v1\./);
    assert.ok(!row.pub.includes('"d":'), 'the public JWK column holds no private member');
    const opened = JSON.parse(env.box.open(row.enc, aad(row.kid))) as Record<string, unknown>;
    assert.equal(opened.kid, row.kid);
    assert.equal(typeof opened.d, 'string');
  }
  const wrongAad = (enc: string, kid: string) => () => env.box.open(enc, kid);
  const decryptFailed = (e: unknown) =>
    e instanceof GatewayError && e.code === 'CRYPTO_DECRYPT_FAILED';
  assert.throws(wrongAad(a.enc, a.kid), decryptFailed, 'the bare kid is not the AAD');
  assert.throws(
    wrongAad(a.enc, aad(b.kid)),
    decryptFailed,
    'a row’s ciphertext does not open for another kid',
  );
  assert.throws(wrongAad(b.enc, aad(a.kid)), decryptFailed);
});

test('a token signed with signer() verifies against the published JWKS', async (t) => {
  const env = await setup(t);
  const keys = env.keys();
  const signer = await keys.signer();
  const { token } = await mintWebIdentityToken({
    issuer: ISSUER,
    audience: 'sts.amazonaws.com',
    subject: 'user-1',
    lifetimeSeconds: 300,
    now: new Date(),
    signer,
  });
  const jwks = createLocalJWKSet(jwksDocument(await keys.published()));
  const { payload, protectedHeader } = await jwtVerify(token, jwks, {
    issuer: ISSUER,
    audience: 'sts.amazonaws.com',
    algorithms: ['RS256'],
  });
  assert.equal(protectedHeader.kid, signer.kid);
  assert.equal(payload.sub, 'user-1');
  // …and not against a JWKS of only the next key: the kid matters.
  const nextOnly = (await keys.published()).filter((k) => k.status === 'next');
  await assert.rejects(jwtVerify(token, createLocalJWKSet(jwksDocument(nextOnly))));
});

test('rotation: next → active, old key retired but published for the grace, then unpublished', async (t) => {
  const env = await setup(t);
  const first = await env.keys().signer();
  const [nextBefore] = (await env.keys().published()).filter((k) => k.status === 'next');
  assert.ok(nextBefore);

  // Just before the rotation period ends nothing changes.
  env.clock.now = new Date(T0.getTime() + policy.rotationDays * DAY - 1000);
  assert.equal((await env.keys().signer()).kid, first.kid);
  assert.equal((await env.repos.signingKeys.listSigningKeys()).length, 2);

  // Past the rotation period (and the next key has been published far longer than prepublish).
  const rotatedAt = new Date(T0.getTime() + (policy.rotationDays + 1) * DAY);
  env.clock.now = rotatedAt;
  const keys = env.keys();
  const second = await keys.signer();
  assert.equal(second.kid, nextBefore.kid, 'the published next key is the one activated');
  const published = await keys.published();
  const byKid = new Map(published.map((k) => [k.kid, k]));
  assert.equal(published.length, 3);
  assert.equal(byKid.get(first.kid)?.status, 'retired');
  assert.equal(byKid.get(first.kid)?.retiredAt?.toISOString(), rotatedAt.toISOString());
  assert.equal(byKid.get(second.kid)?.status, 'active');
  assert.equal(byKid.get(second.kid)?.activatedAt?.toISOString(), rotatedAt.toISOString());
  const newNext = published.find((k) => k.status === 'next');
  assert.ok(newNext, 'a new next key is published');
  assert.ok(![first.kid, second.kid].includes(newNext.kid));
  assert.equal(newNext.createdAt.toISOString(), rotatedAt.toISOString());

  // A token the old key signed just before the rotation still verifies within the grace.
  const old = await mintWebIdentityToken({
    issuer: ISSUER,
    audience: 'sts.amazonaws.com',
    subject: 'user-1',
    lifetimeSeconds: 300,
    now: new Date(),
    signer: first,
  });
  env.clock.now = new Date(rotatedAt.getTime() + policy.retiredGraceSeconds * 1000);
  const withinGrace = await env.keys().published();
  assert.ok(
    withinGrace.some((k) => k.kid === first.kid),
    'retired key still published at the end of the grace',
  );
  await jwtVerify(old.token, createLocalJWKSet(jwksDocument(withinGrace)));

  // After the grace: gone from the JWKS (also from an instance that cached the keys), but kept in the DB.
  env.clock.now = new Date(rotatedAt.getTime() + policy.retiredGraceSeconds * 1000 + 1000);
  for (const instance of [keys, env.keys()]) {
    const after = await instance.published();
    assert.deepEqual(after.map((k) => k.kid).sort(), [second.kid, newNext.kid].sort());
  }
  assert.equal((await env.keys().signer()).kid, second.kid);
  assert.deepEqual(await statuses(env.repos), {
    [first.kid]: 'retired',
    [second.kid]: 'active',
    [newNext.kid]: 'next',
  });
});

test('a next key published for less than prepublish is not activated yet', async (t) => {
  const env = await setup(t);
  const first = await env.keys().signer();
  // The next key is lost (e.g. a restored backup); a fresh instance publishes a new one 10 min before
  // the rotation is due.
  const [lost] = (await env.repos.signingKeys.listSigningKeys()).filter((k) => k.status === 'next');
  assert.ok(lost);
  await runSql(env.url, 'DELETE FROM "SigningKey" WHERE "kid" = $1', [lost.kid]);
  const due = T0.getTime() + policy.rotationDays * DAY;
  const createdAt = new Date(due - 600_000);
  env.clock.now = createdAt;
  assert.equal((await env.keys().signer()).kid, first.kid);
  const fresh = (await env.keys().published()).find((k) => k.status === 'next');
  assert.ok(fresh);
  assert.equal(fresh.createdAt.toISOString(), createdAt.toISOString());

  // Rotation is due, but caches of the JWKS may not have the new key yet: keep signing with the old one.
  env.clock.now = new Date(due + 1000);
  assert.equal((await env.keys().signer()).kid, first.kid, 'not before prepublish has passed');
  env.clock.now = new Date(createdAt.getTime() + policy.prepublishSeconds * 1000);
  assert.equal(
    (await env.keys().signer()).kid,
    fresh.kid,
    'activated once published for prepublish',
  );
});

test('a wrong encryption key surfaces CRYPTO_DECRYPT_FAILED from signer()', async (t) => {
  const env = await setup(t);
  await env.keys().signer();
  const wrong = env.keys(createSecretBox([randomBytes(32)]));
  await assert.rejects(wrong.signer(), (e: unknown) => {
    assert.ok(e instanceof GatewayError);
    assert.equal(e.code, 'CRYPTO_DECRYPT_FAILED');
    return true;
  });
  // Nothing was rotated or created by the failing instance.
  assert.equal((await env.repos.signingKeys.listSigningKeys()).length, 2);
  // The right key (also as a later entry of a rotated key list) still opens it.
  const rotatedBox = createSecretBox([randomBytes(32), env.secret]);
  assert.ok((await env.keys(rotatedBox).signer()).kid);
});
