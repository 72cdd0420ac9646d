import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { GatewayError } from '../core/errors';
import { createSecretBox } from '../db/crypto';
import { describeEachDialect } from '../db/test-support/databases';
import { createClientSecrets } from './client-secrets';

const box = createSecretBox([randomBytes(32)]);
const env = new Map([['okta', 'from-env']]);
const now = () => new Date('2031-07-01T10:00:00Z');
const boom = () => Promise.reject(new GatewayError('CONFIG_STALE', 'lost the race'));

describeEachDialect('client secrets', (ctx) => {
  const make = () => createClientSecrets({ env, repo: ctx().repos.connectionSecrets, box, now });

  it('a secret entered for a new IdP is stored sealed, used at once, and read by another instance', async () => {
    const a = make();
    await a.reload();
    assert.equal(a.source('acme'), 'missing');
    assert.equal(await a.withSecret('acme', 'acme-secret-1', 'admin', async () => a.map.get('acme')), 'acme-secret-1', 'the change validates with the new secret');
    assert.equal(a.source('acme'), 'stored');
    const b = make();
    await b.reload();
    assert.equal(b.map.get('acme'), 'acme-secret-1');
    assert.equal(b.map.get('okta'), 'from-env');
  });

  it('a failed change puts the previous secret back, stored and in memory; a new IdP is left without one', async () => {
    const a = make();
    await a.reload();
    await assert.rejects(a.withSecret('acme', 'acme-secret-2', 'admin', boom), (e: unknown) => e instanceof GatewayError && e.code === 'CONFIG_STALE');
    assert.equal(a.map.get('acme'), 'acme-secret-1');
    await assert.rejects(a.withSecret('newco', 'newco-secret', 'admin', boom));
    assert.equal(a.map.has('newco'), false);
    const fresh = make();
    await fresh.reload();
    assert.deepEqual([fresh.map.get('acme'), fresh.map.has('newco')], ['acme-secret-1', false]);
  });

  it('the environment wins: its secrets cannot be replaced from the admin pages', async () => {
    const a = make();
    await a.reload();
    assert.equal(a.source('okta'), 'environment');
    let ran = false;
    await assert.rejects(a.withSecret('okta', 'other', 'admin', async () => (ran = true)), (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST');
    assert.equal(ran, false);
    assert.equal(a.map.get('okta'), 'from-env');
    assert.deepEqual((await ctx().repos.connectionSecrets.list()).map((r) => r.idpId), ['acme']);
  });
});
