/**
 * Issue 14 §3: two instances starting together on one database (each its own connection pool, as two
 * processes) create one active and one next key — OIDC signing keys and SAML certificates alike — and
 * publish the same JWKS and the same metadata certificates. Before, each inserted its own next key.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { migrate } from '../../prisma/migrate';
import type { RotationPolicy } from '../core/oidc/rotation';
import { closeDb, createDb } from '../db/client';
import { createSecretBox } from '../db/crypto';
import { createRepos, type Repos } from '../db/repos';
import { createEmptyDatabase, describeEachDialect, dropDatabase } from '../db/test-support/databases';
import { createIssuerKeys, signingKeyStore } from './issuer-keys';
import { createSamlKeyRing } from './saml/saml-keys';

const policy: RotationPolicy = { rotationDays: 30, prepublishSeconds: 3600, retiredGraceSeconds: 600 };
const box = createSecretBox([randomBytes(32)]);
const now = () => new Date('2031-01-01T00:00:00Z');

function instance(repos: Repos) {
  const issuer = createIssuerKeys(
    signingKeyStore(repos.signingKeys),
    box,
    policy,
    now,
  );
  const saml = createSamlKeyRing(repos.samlKeys, box, { purpose: 'aws-idp-signing', connectionId: null, commonName: 'race', validityDays: 730, retiredGraceSeconds: 3600, now });
  return { issuer, saml };
}

describeEachDialect('keys at concurrent first starts', (_ctx, dialect) => {
  it('one active and one next key, the same published set on both instances, in every trial', async () => {
    for (let trial = 0; trial < 4; trial++) {
      const url = await createEmptyDatabase(dialect);
      await migrate(url);
      const [dbA, dbB] = [createDb(url), createDb(url)];
      try {
        const [a, b] = [instance(createRepos(dbA)), instance(createRepos(dbB))];
        const [jwksA, jwksB, certsA, certsB] = await Promise.all([a.issuer.published(), b.issuer.published(), a.saml.keys(), b.saml.keys()]);
        const repos = createRepos(dbA);
        const stored = await repos.signingKeys.listSigningKeys();
        assert.deepEqual(stored.map((k) => k.status).sort(), ['active', 'next'], `trial ${trial}: signing keys`);
        const samlStored = await repos.samlKeys.listSamlKeys('aws-idp-signing', null);
        assert.deepEqual(samlStored.map((k) => k.status).sort(), ['active', 'next'], `trial ${trial}: SAML keys`);
        assert.deepEqual(jwksA.map((k) => k.kid).sort(), jwksB.map((k) => k.kid).sort());
        assert.deepEqual(certsA.map((k) => k.id).sort(), certsB.map((k) => k.id).sort());
        assert.equal((await a.issuer.signer()).kid, (await b.issuer.signer()).kid);
      } finally {
        await Promise.all([closeDb(dbA), closeDb(dbB)]);
        await dropDatabase(url);
      }
    }
  });
});
