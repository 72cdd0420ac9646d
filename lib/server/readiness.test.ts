/** Issue 14 §1: readiness fails while the database or the live config is unavailable, with the code. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/errors';
import { checkReadiness, type ReadinessDeps } from './readiness';

const ok: ReadinessDeps = { liveRevision: async () => 7, headRevision: async () => 7, publishedKeys: async () => [] };
const down = (code: 'DB_UNAVAILABLE' | 'CONFIG_INVALID') => async (): Promise<never> => {
  throw new GatewayError(code, 'down');
};

test('issue 14 §1: ready when the live config, the database and the keys all answer', async () => {
  assert.deepEqual(await checkReadiness(ok), { status: 'ready', revision: 7 });
});

test('issue 14 §1: not ready, with the code, while any of them fails', async () => {
  assert.deepEqual(await checkReadiness({ ...ok, headRevision: down('DB_UNAVAILABLE') }), { status: 'unavailable', code: 'DB_UNAVAILABLE' });
  assert.deepEqual(await checkReadiness({ ...ok, liveRevision: down('CONFIG_INVALID') }), { status: 'unavailable', code: 'CONFIG_INVALID' });
  assert.deepEqual(await checkReadiness({ ...ok, headRevision: async () => undefined }), { status: 'unavailable', code: 'CONFIG_INVALID' });
  assert.deepEqual(await checkReadiness({ ...ok, publishedKeys: down('DB_UNAVAILABLE') }), { status: 'unavailable', code: 'DB_UNAVAILABLE' });
  assert.deepEqual(await checkReadiness({ ...ok, publishedKeys: async () => { throw new Error('boom'); } }), { status: 'unavailable', code: 'INTERNAL' });
});
