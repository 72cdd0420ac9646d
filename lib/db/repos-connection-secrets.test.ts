import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { GatewayError } from '../core/errors';
import { createSecretBox } from './crypto';
import { describeEachDialect } from './test-support/databases';

const box = createSecretBox([randomBytes(32)]);
const at = new Date('2031-04-01T10:00:00.000Z');

describeEachDialect('connection secrets repo', (ctx) => {
  it('stores sealed secrets only, replaces by IdP id, and gives back what opens to the secret', async () => {
    const { connectionSecrets } = ctx().repos;
    assert.deepEqual(await connectionSecrets.list(), []);
    await connectionSecrets.put({ idpId: 'acme', sealed: box.seal('s3cret-1', 'idp-secret:acme'), updatedAt: at, updatedBy: 'admin@example.com' });
    await connectionSecrets.put({ idpId: 'acme', sealed: box.seal('s3cret-2', 'idp-secret:acme'), updatedAt: at });
    const rows = await connectionSecrets.list();
    assert.equal(rows.length, 1);
    assert.equal(box.open(rows[0]?.sealed ?? '', 'idp-secret:acme'), 's3cret-2');
    assert.equal(rows[0]?.updatedBy, undefined);
    assert.ok(!JSON.stringify(await ctx().db.connectionSecret.findMany()).includes('s3cret'), 'no plaintext in the table');
  });

  it('refuses a plaintext secret and stores nothing', async () => {
    const { connectionSecrets } = ctx().repos;
    await assert.rejects(connectionSecrets.put({ idpId: 'plain', sealed: 'not-sealed', updatedAt: at }), (e: unknown) => e instanceof GatewayError && e.code === 'INTERNAL');
    assert.deepEqual((await connectionSecrets.list()).map((r) => r.idpId), ['acme']);
  });
});
