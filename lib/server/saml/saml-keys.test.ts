/** Rolegate's SAML certificates over the real repos on a migrated temp SQLite database. */
import assert from 'node:assert/strict';
import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { migrate } from '../../../prisma/migrate';
import { GatewayError } from '../../core/errors';
import { closeDb, createDb } from '../../db/client';
import { createSecretBox } from '../../db/crypto';
import { createRepos } from '../../db/repos';
import { createSamlKeyRing } from './saml-keys';

const T0 = new Date('2024-01-01T00:00:00.000Z');

async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-saml-keys-'));
  const url = `file:${path.join(dir, 't.db')}`;
  await migrate(url);
  const db = createDb(url);
  const repos = createRepos(db);
  const secret = randomBytes(32);
  const clock = { now: T0 };
  const ring = (key = secret) =>
    createSamlKeyRing(repos.samlKeys, createSecretBox([key]), {
      purpose: 'aws-idp-signing', connectionId: null, commonName: 'Rolegate test', validityDays: 365, retiredGraceSeconds: 600, now: () => clock.now,
    });
  return { repos, ring, clock, close: async () => { await closeDb(db); rmSync(dir, { recursive: true, force: true }); } };
}

test('first use creates an active certificate and publishes the next one; the key matches and is sealed', async () => {
  const env = await setup();
  try {
    const ring = env.ring();
    const active = await ring.active();
    const certs = await ring.certificates();
    assert.equal(certs.length, 2);
    assert.equal(certs[0], active.certPem, 'the active certificate comes first');
    assert.notEqual(certs[1], active.certPem);
    assert.ok(new X509Certificate(active.certPem).checkPrivateKey(createPrivateKey(active.privateKeyPem)));
    const rows = await env.repos.samlKeys.listSamlKeys('aws-idp-signing', null);
    assert.deepEqual(rows.map((r) => r.status).sort(), ['active', 'next']);
    for (const r of rows) assert.ok(!r.privateKeyEnc.includes('PRIVATE KEY'), 'stored sealed');
  } finally {
    await env.close();
  }
});

test('after the rotation period the published next certificate becomes active and a new next appears', async () => {
  const env = await setup();
  try {
    const first = await env.ring().certificates();
    env.clock.now = new Date(T0.getTime() + 340 * 86_400_000);
    const ring = env.ring();
    const active = await ring.active();
    assert.equal(active.certPem, first[1], 'the certificate that was already in the metadata now signs');
    const after = await ring.certificates();
    assert.equal(after.length, 2);
    assert.ok(!after.includes(first[0] ?? ''), 'the retired certificate leaves the metadata');
  } finally {
    await env.close();
  }
});

test('a wrong encryption key cannot open the private key', async () => {
  const env = await setup();
  try {
    await env.ring().active();
    await assert.rejects(env.ring(randomBytes(32)).active(), (e: unknown) => e instanceof GatewayError && e.code === 'CRYPTO_DECRYPT_FAILED');
  } finally {
    await env.close();
  }
});
