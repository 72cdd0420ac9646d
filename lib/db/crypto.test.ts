import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { GatewayError } from '../core/errors';
import { createSecretBox, hashToken, isSealedSecret, safeEqual, secretKeyId } from './crypto';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const box = createSecretBox([oldKey]);
const privateJwk = JSON.stringify({ kty: 'RSA', d: 'secret-exponent', kid: 'k1' });

function rejectsWith(fn: () => unknown, code: GatewayError['code']): void {
  assert.throws(fn, (e: unknown) => e instanceof GatewayError && e.code === code);
}

/** Replaces part `index` of a sealed value (0 = version … 4 = tag). */
function withPart(sealed: string, index: number, value: string): string {
  const parts = sealed.split('.');
  parts[index] = value;
  return parts.join('.');
}

function flipFirstChar(part: string): string {
  return (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
}

describe('secret box', () => {
  it('round-trips, with a fresh IV every time and the v1.<keyId>.<iv>.<ciphertext>.<tag> format', () => {
    const a = box.seal(privateJwk, 'k1');
    const b = box.seal(privateJwk, 'k1');
    assert.notEqual(a, b);
    assert.equal(box.open(a, 'k1'), privateJwk);
    assert.equal(box.open(box.seal('', 'k1'), 'k1'), '');
    assert.ok(isSealedSecret(a));
    assert.equal(a.split('.')[1], secretKeyId(oldKey));
    assert.ok(!a.includes('secret-exponent'));
  });

  it('after rotation seals with the first key and still opens values sealed with an older key', () => {
    const sealedBefore = box.seal(privateJwk, 'k1');
    const rotated = createSecretBox([newKey, oldKey]);
    assert.equal(rotated.open(sealedBefore, 'k1'), privateJwk);
    const sealedAfter = rotated.seal(privateJwk, 'k1');
    assert.equal(sealedAfter.split('.')[1], secretKeyId(newKey));
    rejectsWith(() => box.open(sealedAfter, 'k1'), 'CRYPTO_DECRYPT_FAILED');
  });

  it('rejects a value opened under another row’s AAD (a swapped ciphertext)', () => {
    rejectsWith(() => box.open(box.seal(privateJwk, 'k1'), 'k2'), 'CRYPTO_DECRYPT_FAILED');
  });

  it('rejects a tampered ciphertext, tag or IV', () => {
    const sealed = box.seal(privateJwk, 'k1');
    const parts = sealed.split('.');
    for (const index of [2, 3, 4]) {
      rejectsWith(
        () => box.open(withPart(sealed, index, flipFirstChar(parts[index] ?? '')), 'k1'),
        'CRYPTO_DECRYPT_FAILED',
      );
    }
  });

  it('rejects a non-canonical encoding of the tag (spare bits of the last base64url character)', () => {
    const sealed = box.seal(privateJwk, 'k1');
    const tag = sealed.split('.')[4] ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = tag.slice(0, -1) + alphabet[alphabet.indexOf(tag.at(-1) ?? 'A') ^ 1];
    // The twin decodes to the very same 16 bytes: only the canonical-encoding check can catch it.
    assert.deepEqual(Buffer.from(twin, 'base64url'), Buffer.from(tag, 'base64url'));
    rejectsWith(() => box.open(withPart(sealed, 4, twin), 'k1'), 'CRYPTO_DECRYPT_FAILED');
  });

  it('rejects an unknown key id, a swapped key id and malformed values', () => {
    const sealed = box.seal(privateJwk, 'k1');
    rejectsWith(
      () => box.open(withPart(sealed, 1, secretKeyId(newKey)), 'k1'),
      'CRYPTO_DECRYPT_FAILED',
    );
    const both = createSecretBox([oldKey, newKey]);
    rejectsWith(
      () => both.open(withPart(sealed, 1, secretKeyId(newKey)), 'k1'),
      'CRYPTO_DECRYPT_FAILED',
    );
    for (const bad of [
      '',
      privateJwk,
      'v2' + sealed.slice(2),
      sealed + '.x',
      sealed.replace(/\./g, ''),
    ]) {
      rejectsWith(() => box.open(bad, 'k1'), 'CRYPTO_DECRYPT_FAILED');
    }
  });

  it('refuses to be built without a key or with a key that is not 32 bytes', () => {
    rejectsWith(() => createSecretBox([]), 'CONFIG_INVALID');
    rejectsWith(() => createSecretBox([randomBytes(16)]), 'CONFIG_INVALID');
    rejectsWith(() => createSecretBox([newKey, randomBytes(33)]), 'CONFIG_INVALID');
  });
});

describe('hashToken / safeEqual', () => {
  it('hashes a token to unpadded base64url SHA-256 (FIPS 180-4 test vector "abc")', () => {
    assert.equal(hashToken('abc'), 'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    assert.notEqual(hashToken('token-a'), hashToken('token-b'));
  });

  it('compares equal strings as equal and anything else as different, whatever the lengths', () => {
    const token = randomBytes(32).toString('base64url');
    assert.equal(safeEqual(token, `${token}`), true);
    assert.equal(safeEqual(token, token.slice(0, -1)), false);
    assert.equal(safeEqual(token, `${token}x`), false);
    assert.equal(safeEqual('', ''), true);
    assert.equal(safeEqual('', 'a'), false);
    assert.equal(safeEqual(hashToken(token), hashToken(token)), true);
  });
});
