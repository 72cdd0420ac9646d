/**
 * Issue 12 §8: the EncryptedAssertion path (AWS-FACTS §2 "Encrypted assertion"), each refusal pinned by the
 * check and detail it reports (the mutation run of decrypt.ts). Anyone can encrypt to our certificate, so
 * the plaintext gets the same gate as a posted response and must carry its own signature.
 */
import assert from 'node:assert/strict';
import { constants, createCipheriv, privateDecrypt, randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { b64, connect, context } from './testing/harness';
import { createTestIdp, type TestIdp, type TestSp } from './testing/test-idp';
import { SamlValidationError } from './trace';
import type { SamlSp, ValidatedAssertion } from './types';

async function rejection(p: Promise<unknown>): Promise<SamlValidationError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SamlValidationError, `not a SamlValidationError: ${String(e)}`);
    return e;
  }
  assert.fail('the response was accepted');
}

const cipherValues = (xml: string): string[] => [...xml.matchAll(/<\w+:CipherValue>([^<]*)<\/\w+:CipherValue>/g)].map((m) => m[1] ?? '');

/**
 * `encrypted` (AES-128-GCM data, RSA-OAEP key transport) with its EncryptedData replaced by `plaintext`
 * under the same content key, as anyone holding our public certificate could produce.
 */
function reencrypt(encrypted: string, spPrivateKeyPem: string, plaintext: string): string {
  const [wrappedKey, data] = cipherValues(encrypted);
  assert.ok(wrappedKey && data, 'an EncryptedKey and an EncryptedData');
  const key = privateDecrypt({ key: spPrivateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING }, Buffer.from(wrappedKey, 'base64'));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-128-gcm', key, iv);
  const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return encrypted.replace(data, body.toString('base64'));
}

const traced = (r: ValidatedAssertion | SamlValidationError, check: string) => r.trace.filter((t) => t.check === check);

describe('issue 12 §8: decrypting an EncryptedAssertion (Shibboleth shape)', () => {
  let idp: TestIdp;
  let sp: SamlSp;
  let testSp: TestSp;
  before(async () => {
    idp = await createTestIdp('shibboleth');
    ({ sp, testSp } = await connect(idp));
  });

  /** A valid encrypted response answering `_req`, and the signed plaintext assertion of the same login. */
  async function pair(): Promise<{ encrypted: string; assertion: string }> {
    const encrypted = await idp.issue(testSp, { inResponseTo: '_req' });
    const plain = await idp.issue(testSp, { inResponseTo: '_req', style: { encrypt: undefined } });
    const assertion = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(plain)?.[0];
    assert.ok(assertion);
    return { encrypted, assertion };
  }

  const pending = () => {
    const ctx = context();
    ctx.requests.add('_req');
    return ctx;
  };

  it('accepts a signed plaintext assertion re-encrypted to our certificate and traces the decryption', async () => {
    const { encrypted, assertion } = await pair();
    const r = await sp.validateResponse(b64(reencrypt(encrypted, testSp.encryptionCert?.privateKeyPem ?? '', assertion)), pending());
    assert.equal(r.nameId, 'alice@example.com');
    assert.deepEqual(traced(r, 'decrypt'), [{ check: 'decrypt', ok: true }]);
    assert.deepEqual(traced(r, 'decrypted-doctype'), [{ check: 'decrypted-doctype', ok: true }]);
    assert.deepEqual(traced(r, 'decrypted-well-formed'), [{ check: 'decrypted-well-formed', ok: true }]);
  });

  it('refuses a DOCTYPE in the decrypted plaintext: SAML_DOCTYPE_FORBIDDEN, though the assertion is validly signed', async () => {
    const { encrypted, assertion } = await pair();
    const xml = reencrypt(encrypted, testSp.encryptionCert?.privateKeyPem ?? '', `<!DOCTYPE x>${assertion}`);
    const err = await rejection(sp.validateResponse(b64(xml), pending()));
    assert.equal(err.code, 'SAML_DOCTYPE_FORBIDDEN');
    assert.deepEqual(err.trace.at(-1), { check: 'decrypted-doctype', ok: false, detail: 'DOCTYPE/ENTITY declaration present' });
  });

  it('refuses tampered ciphertext as SAML_DECRYPTION_FAILED at decrypt, saying only that it could not be decrypted', async () => {
    const { encrypted } = await pair();
    const data = cipherValues(encrypted)[1] ?? '';
    const bytes = Buffer.from(data, 'base64');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    const err = await rejection(sp.validateResponse(b64(encrypted.replace(data, bytes.toString('base64'))), pending()));
    assert.equal(err.code, 'SAML_DECRYPTION_FAILED');
    assert.deepEqual(err.trace.at(-1), { check: 'decrypt', ok: false, detail: 'the assertion could not be decrypted' });
  });

  it('refuses an encrypted assertion on a connection without a decryption key, and says so', async () => {
    const { sp: keyless } = await connect(idp, { spEncryptionKey: undefined, spEncryptionCert: undefined });
    const err = await rejection(keyless.validateResponse(b64(await idp.issue(testSp, { inResponseTo: '_req' })), pending()));
    assert.equal(err.code, 'SAML_DECRYPTION_FAILED');
    assert.deepEqual(err.trace.at(-1), { check: 'decrypt', ok: false, detail: 'connection has no encryption key' });
  });

  it('drops the Response signature over the ciphertext, so a Response- and Assertion-signed encrypted response is accepted', async () => {
    const xml = await idp.issue(testSp, { inResponseTo: '_req', style: { signResponse: true } });
    assert.equal((xml.match(/<ds:Signature /g) ?? []).length, 1, 'the Response signature is outside the ciphertext');
    const r = await sp.validateResponse(b64(xml), pending());
    assert.equal(r.nameId, 'alice@example.com');
    assert.deepEqual(traced(r, 'decrypt'), [{ check: 'decrypt', ok: true }]);
  });

  it('an encrypted assertion signed only by the Response signature over its ciphertext is unsigned once decrypted', async () => {
    // That signature covers the ciphertext, which anyone holding our certificate can make: it vouches for
    // nothing inside. Dropped with the ciphertext, the plaintext has no signature at all.
    const xml = await idp.issue(testSp, { inResponseTo: '_req', style: { signResponse: true, signAssertion: false } });
    const e = await rejection(sp.validateResponse(b64(xml), pending()));
    // Refused after decryption, before a verified signature: one code for all (encrypted-refusal.ts).
    assert.equal(e.code, 'SAML_DECRYPTION_FAILED');
    assert.deepEqual(e.trace.at(-1), { check: 'encrypted-refusal', ok: false, detail: 'SAML_SIGNATURE_MISSING answered as SAML_DECRYPTION_FAILED' });
    // The outer (encrypted) Response passes, the decrypted one has nothing left to verify.
    assert.deepEqual(traced(e, 'signature-present'), [
      { check: 'signature-present', ok: true },
      { check: 'signature-present', ok: false, detail: 'no signature' },
    ]);
  });
});
