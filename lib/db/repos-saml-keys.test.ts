import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { generateSigningCertificate } from '../core/saml/certificate';
import { createSecretBox } from './crypto';
import { samlKeyAad, type NewSamlKey, type SamlKeyRecord } from './repos';
import { describeEachDialect } from './test-support/databases';
import { hasCode } from './test-support/fixtures';

const box = createSecretBox([randomBytes(32)]);
const t0 = new Date('2030-03-01T00:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const notAfter = new Date('2031-03-01T00:00:00.000Z');

// One real certificate, reused under different ids: these tests are about storage, not key generation.
const cert = generateSigningCertificate({ commonName: 'Rolegate', notBefore: t0, validDays: 365 });

async function samlKey(
  id: string,
  purpose: NewSamlKey['purpose'],
  connectionId: string | null,
  status: NewSamlKey['status'],
  createdAt: Date,
): Promise<NewSamlKey> {
  const { certPem, privateKeyPem } = await cert;
  const privateKeyEnc = box.seal(privateKeyPem, samlKeyAad(id));
  return { id, purpose, connectionId, certPem, privateKeyEnc, status, notAfter, createdAt };
}

const statuses = (keys: SamlKeyRecord[]) => Object.fromEntries(keys.map((k) => [k.id, k.status]));

// One story per dialect; the tests run in order and build on each other's keys.
describeEachDialect('SAML keys repo', (ctx) => {
  it('inserts the AWS IdP key and lists it back (cert, sealed private key, dates)', async () => {
    const { samlKeys } = ctx().repos;
    const key = await samlKey('idp-1', 'aws-idp-signing', null, 'active', t0);
    const inserted = await samlKeys.insertSamlKey(key);
    const listed = await samlKeys.listSamlKeys('aws-idp-signing', null);
    assert.deepEqual(listed, [inserted]);
    const expected = { ...key, connectionId: undefined, activatedAt: t0, retiredAt: undefined };
    assert.deepEqual(inserted, expected);
    assert.equal(box.open(inserted.privateKeyEnc, samlKeyAad('idp-1')), (await cert).privateKeyPem);
    assert.throws(
      () => box.open(inserted.privateKeyEnc, samlKeyAad('idp-2')),
      hasCode('CRYPTO_DECRYPT_FAILED'),
    );
  });

  it('keeps SP keys per purpose and connection', async () => {
    const { samlKeys } = ctx().repos;
    await samlKeys.insertSamlKey(
      await samlKey('okta-sig-1', 'sp-signing', 'okta', 'active', at(1)),
    );
    await samlKeys.insertSamlKey(
      await samlKey('okta-enc-1', 'sp-encryption', 'okta', 'active', at(1)),
    );
    await samlKeys.insertSamlKey(
      await samlKey('adfs-sig-1', 'sp-signing', 'adfs', 'active', at(2)),
    );
    const ids = async (purpose: NewSamlKey['purpose'], connectionId: string | null) =>
      (await samlKeys.listSamlKeys(purpose, connectionId)).map((k) => k.id);
    assert.deepEqual(await ids('sp-signing', 'okta'), ['okta-sig-1']);
    assert.deepEqual(await ids('sp-encryption', 'okta'), ['okta-enc-1']);
    assert.deepEqual(await ids('sp-signing', 'adfs'), ['adfs-sig-1']);
    assert.deepEqual(await ids('aws-idp-signing', null), ['idp-1']);
    assert.deepEqual(await ids('sp-signing', null), []);
    assert.equal((await samlKeys.listSamlKeys('sp-signing', 'okta'))[0]?.connectionId, 'okta');
  });

  it('refuses a second active key in a scope, a duplicate id, an unsealed key, a private certPem and a wrong connection', async () => {
    const { samlKeys } = ctx().repos;
    const okta2 = await samlKey('okta-sig-2', 'sp-signing', 'okta', 'active', at(3));
    await assert.rejects(samlKeys.insertSamlKey(okta2), hasCode('DB_CONFLICT'));
    const dup = await samlKey('idp-1', 'aws-idp-signing', null, 'next', at(3));
    await assert.rejects(samlKeys.insertSamlKey(dup), hasCode('DB_CONFLICT'));
    const next = { ...okta2, status: 'next' as const };
    const { privateKeyPem } = await cert;
    for (const bad of [
      { ...next, privateKeyEnc: privateKeyPem },
      { ...next, certPem: `${next.certPem}${privateKeyPem}` },
      { ...next, certPem: 'not a certificate' },
      { ...next, connectionId: null },
      { ...next, purpose: 'aws-idp-signing' as const },
    ]) {
      await assert.rejects(samlKeys.insertSamlKey(bad), hasCode('INTERNAL'));
    }
    assert.deepEqual(statuses(await samlKeys.listSamlKeys('sp-signing', 'okta')), {
      'okta-sig-1': 'active',
    });
  });

  it('activateSamlKey retires the active key of the same purpose and connection only', async () => {
    const { samlKeys } = ctx().repos;
    await samlKeys.insertSamlKey(await samlKey('okta-sig-2', 'sp-signing', 'okta', 'next', at(10)));
    const result = await samlKeys.activateSamlKey('okta-sig-2', at(20));
    assert.deepEqual(result.retired, ['okta-sig-1']);
    assert.deepEqual(
      [result.activated.id, result.activated.status, result.activated.activatedAt],
      ['okta-sig-2', 'active', at(20)],
    );
    const okta = await samlKeys.listSamlKeys('sp-signing', 'okta');
    assert.deepEqual(statuses(okta), { 'okta-sig-1': 'retired', 'okta-sig-2': 'active' });
    assert.deepEqual([okta[0]?.retiredAt, okta[0]?.activatedAt], [at(20), at(1)]);
    for (const [purpose, connectionId, id] of [
      ['sp-encryption', 'okta', 'okta-enc-1'],
      ['sp-signing', 'adfs', 'adfs-sig-1'],
      ['aws-idp-signing', null, 'idp-1'],
    ] as const) {
      assert.deepEqual(statuses(await samlKeys.listSamlKeys(purpose, connectionId)), {
        [id]: 'active',
      });
    }
  });

  it('activateSamlKey is atomic: a key that is not next changes nothing', async () => {
    const { samlKeys } = ctx().repos;
    const before = await samlKeys.listSamlKeys('sp-signing', 'okta');
    for (const id of ['okta-sig-1', 'okta-sig-2', 'no-such-key']) {
      await assert.rejects(
        samlKeys.activateSamlKey(id, at(30)),
        hasCode('SIGNING_KEY_UNAVAILABLE'),
      );
    }
    assert.deepEqual(await samlKeys.listSamlKeys('sp-signing', 'okta'), before);
  });

  it('two activations racing in one scope leave exactly one active key', async () => {
    const { samlKeys } = ctx().repos;
    await samlKeys.insertSamlKey(await samlKey('idp-2', 'aws-idp-signing', null, 'next', at(40)));
    await samlKeys.insertSamlKey(await samlKey('idp-3', 'aws-idp-signing', null, 'next', at(41)));
    const results = await Promise.allSettled([
      samlKeys.activateSamlKey('idp-2', at(50)),
      samlKeys.activateSamlKey('idp-3', at(50)),
    ]);
    for (const r of results) {
      if (r.status === 'rejected') assert.ok(hasCode('DB_CONFLICT')(r.reason), String(r.reason));
    }
    assert.ok(results.some((r) => r.status === 'fulfilled'));
    const keys = await samlKeys.listSamlKeys('aws-idp-signing', null);
    assert.equal(keys.filter((k) => k.status === 'active').length, 1);
    assert.deepEqual(
      keys.map((k) => k.id),
      ['idp-1', 'idp-2', 'idp-3'],
      'oldest first',
    );
  });
});
