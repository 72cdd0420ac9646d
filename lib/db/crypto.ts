/**
 * Secrets at rest (IdP client secrets, private signing JWKs): AES-256-GCM with a per-row AAD, and the
 * hashing/comparison helpers for stored tokens (STYLE.md rule 10).
 *
 * Sealed format: `v1.<keyId>.<iv>.<ciphertext>.<tag>`, each part base64url. `keyId` names the key that
 * sealed the value, so after a rotation rows sealed with an older key still open while new rows use the
 * first key. The AAD given by the caller (e.g. the row's kid) is bound into the tag: a ciphertext copied
 * onto another row does not open there.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { GatewayError } from '../core/errors';

export interface SecretBox {
  seal(plain: string, aad: string): string;
  open(sealed: string, aad: string): string;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// v1 . keyId (8 bytes) . iv (12 bytes) . ciphertext . tag (16 bytes), all base64url without padding.
const SEALED = /^v1\.[A-Za-z0-9_-]{11}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/;

/** A short, non-secret name for a key: a domain-separated hash, never the key itself. */
export function secretKeyId(key: Buffer): string {
  const digest = createHash('sha256').update('rolegate secret-box key id\0').update(key).digest();
  return digest.subarray(0, 8).toString('base64url');
}

/** Whether a value has the shape `seal()` produces: lets a repo refuse to store a plaintext secret. */
export function isSealedSecret(value: string): boolean {
  return SEALED.test(value);
}

/** `keys[0]` seals; every key opens. Keys are 32 random bytes each (config parses them from a list). */
export function createSecretBox(keys: readonly Buffer[]): SecretBox {
  const first = keys[0];
  if (first === undefined)
    throw new GatewayError('CONFIG_INVALID', 'secret box needs at least one key');
  const byId = new Map<string, Buffer>();
  for (const key of keys) {
    if (key.length !== KEY_BYTES) {
      throw new GatewayError('CONFIG_INVALID', `secret box keys must be ${KEY_BYTES} bytes`);
    }
    byId.set(secretKeyId(key), key);
  }
  const sealId = secretKeyId(first);
  return {
    seal: (plain, aad) => seal(first, sealId, plain, aad),
    open: (sealed, aad) => open(byId, sealed, aad),
  };
}

/** Version and key id are authenticated too, so neither can be swapped without failing the tag. */
function additionalData(keyId: string, aad: string): Buffer {
  return Buffer.from(`rolegate:${VERSION}:${keyId}:${aad}`, 'utf8');
}

function seal(key: Buffer, keyId: string, plain: string, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(keyId, aad));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'));
  return [VERSION, keyId, ...parts].join('.');
}

function open(keys: ReadonlyMap<string, Buffer>, sealed: string, aad: string): string {
  if (!isSealedSecret(sealed)) throw decryptFailed('malformed sealed value');
  const [, keyId = '', iv = '', ciphertext = '', tag = ''] = sealed.split('.');
  const key = keys.get(keyId);
  if (key === undefined) throw decryptFailed(`no configured key has id ${keyId}`);
  const [ivBytes, ciphertextBytes, tagBytes] = [iv, ciphertext, tag].map((p) =>
    Buffer.from(p, 'base64url'),
  );
  // base64url leaves spare bits in the last character; insist on the canonical encoding so no two strings
  // decode to the same sealed value.
  if (
    !ivBytes ||
    !ciphertextBytes ||
    !tagBytes ||
    ciphertextBytes.toString('base64url') !== ciphertext ||
    tagBytes.toString('base64url') !== tag
  ) {
    throw decryptFailed('malformed sealed value');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(keyId, aad));
    decipher.setAuthTag(tagBytes);
    const plain = Buffer.concat([decipher.update(ciphertextBytes), decipher.final()]);
    return plain.toString('utf8');
  } catch (cause) {
    throw decryptFailed('authentication failed (wrong key, AAD or tampered value)', cause);
  }
}

function decryptFailed(message: string, cause?: unknown): GatewayError {
  return new GatewayError('CRYPTO_DECRYPT_FAILED', `secret box: ${message}`, { cause });
}

/** What a stored token is kept as: SHA-256, base64url. Tokens are high-entropy, so no salt or KDF. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Constant-time string comparison that also hides the length: compares fixed-size digests. */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}
