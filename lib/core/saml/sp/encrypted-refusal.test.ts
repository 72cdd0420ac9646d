/**
 * Issue 13 §6: after decryption and before a verified signature, every refusal answers SAML_DECRYPTION_FAILED
 * (the AES-CBC format oracle); before decryption and after the signature, codes are what they were. The
 * whole pipeline is exercised by e2e/attacks/cases-encryption.ts (AES-CBC ciphertext altered block by block).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concealAfterDecryption } from './encrypted-refusal';
import { SamlValidationError } from './trace';
import type { TraceEntry } from './types';

const DECRYPTED: TraceEntry = { check: 'decrypt', ok: true };
const VERIFIED: TraceEntry = { check: 'signature', ok: true, detail: '1 signature(s), xml-crypto SignedXml with the metadata key' };

function refusal(code: 'SAML_SCHEMA_INVALID' | 'SAML_AUDIENCE_MISMATCH' | 'SAML_DECRYPTION_FAILED', trace: TraceEntry[]): SamlValidationError {
  return new SamlValidationError(code, 'schema: bad', [...trace, { check: 'schema', ok: false, detail: 'bad' }]);
}

test('a refusal between decryption and the verified signature answers SAML_DECRYPTION_FAILED; the trace keeps the real one', () => {
  const original = refusal('SAML_SCHEMA_INVALID', [{ check: 'well-formed', ok: true }, DECRYPTED]);
  const e = concealAfterDecryption(original);
  assert.equal(e.code, 'SAML_DECRYPTION_FAILED');
  assert.equal(e.message, 'after decryption: schema: bad');
  assert.equal(e.cause, original);
  assert.deepEqual(e.trace, [...original.trace, { check: 'encrypted-refusal', ok: false, detail: 'SAML_SCHEMA_INVALID answered as SAML_DECRYPTION_FAILED' }]);
});

test('refusals before decryption, after the verified signature, or already SAML_DECRYPTION_FAILED are left as they are', () => {
  for (const e of [
    refusal('SAML_SCHEMA_INVALID', []),
    refusal('SAML_SCHEMA_INVALID', [{ check: 'decrypt', ok: false, detail: 'x' }]),
    refusal('SAML_SCHEMA_INVALID', [{ check: 'signature', ok: true }]),
    refusal('SAML_AUDIENCE_MISMATCH', [DECRYPTED, VERIFIED]),
    refusal('SAML_DECRYPTION_FAILED', [DECRYPTED]),
  ]) {
    assert.equal(concealAfterDecryption(e), e);
  }
  // A failed signature step is no verified signature.
  assert.equal(concealAfterDecryption(refusal('SAML_SCHEMA_INVALID', [DECRYPTED, { check: 'signature', ok: false }])).code, 'SAML_DECRYPTION_FAILED');
});
