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

test('ROLEGATE_IAM_KEYS: absent is none; a map of account ids to keys parses; bad input is named, never echoed', () => {
  assert.deepEqual(parseEnv(BASE).ROLEGATE_IAM_KEYS, {});
  const keys = { '111122223333': { accessKeyId: 'AKIAABCDEFGHIJKLMNOP', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY' } };
  assert.deepEqual(parseEnv({ ...BASE, ROLEGATE_IAM_KEYS: JSON.stringify(keys) }).ROLEGATE_IAM_KEYS, keys);
  const bad = [
    '{not json',
    JSON.stringify({ '1111': keys['111122223333'] }),
    JSON.stringify({ '111122223333': { accessKeyId: 'nope', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY' } }),
    JSON.stringify({ '111122223333': { ...keys['111122223333'], sessionToken: 'x' } }),
  ];
  for (const value of bad) {
    assert.throws(
      () => parseEnv({ ...BASE, ROLEGATE_IAM_KEYS: value }),
      (e: Error & { code?: string }) => e.code === 'CONFIG_INVALID' && e.message.includes('ROLEGATE_IAM_KEYS') && !e.message.includes('SECRETKEY'),
      value,
    );
  }
});
