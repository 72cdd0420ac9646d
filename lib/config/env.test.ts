import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEnv } from './env';

const BASE = {
  NODE_ENV: 'test' as const,
  NEXTAUTH_URL: 'https://rolegate.example.com',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  ROLEGATE_ENCRYPTION_KEYS: Buffer.alloc(32, 1).toString('base64'),
};

test('the server settings default to port 3000 and no trusted proxy (the TCP peer is the client)', () => {
  const env = parseEnv(BASE);
  assert.equal(env.PORT, 3000);
  assert.equal(env.ROLEGATE_TRUSTED_PROXY_HOPS, 0);
  assert.deepEqual([parseEnv({ ...BASE, PORT: '8080', ROLEGATE_TRUSTED_PROXY_HOPS: '2' })].map((e) => [e.PORT, e.ROLEGATE_TRUSTED_PROXY_HOPS]), [[8080, 2]]);
});

test('rejects a trusted proxy hop count that is not a whole number from 0 to 10, naming the variable', () => {
  for (const bad of ['-1', '11', 'two', '1.5', 'true']) {
    assert.throws(() => parseEnv({ ...BASE, ROLEGATE_TRUSTED_PROXY_HOPS: bad }), (e: Error & { code?: string }) => e.code === 'CONFIG_INVALID' && e.message.includes('ROLEGATE_TRUSTED_PROXY_HOPS'), bad);
  }
  assert.throws(() => parseEnv({ ...BASE, PORT: '0' }), /PORT/);
});
