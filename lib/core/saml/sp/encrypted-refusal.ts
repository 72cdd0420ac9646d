/**
 * One code for every refusal of a decrypted assertion until its signature has verified. Which check refuses a
 * tampered AES-CBC plaintext (not XML, schema, structure, a missing or wrong signature) tells an attacker
 * something about the plaintext: the format oracle of Jager & Somorovsky, "How to Break XML Encryption"
 * (CCS 2011), which reads an encrypted assertion by replaying altered ciphertexts. AES-CBC stays allowed
 * (ADFS's and SimpleSAMLphp's default), so no refusal after decryption may say more than "could not be
 * decrypted". The trace keeps the check that refused it and its real code, for the admin's diagnostics.
 */
import { SamlValidationError } from './trace';

/** Trace check names (decrypt.ts, verify-signatures.ts): decryption done, then every signature verified. */
const DECRYPTED = 'decrypt';
const VERIFIED = 'signature';

/** `error` as the user, the ledger and the trace record it: SAML_DECRYPTION_FAILED between decryption and a verified signature. */
export function concealAfterDecryption(error: SamlValidationError): SamlValidationError {
  const passed = (check: string) => error.trace.some((t) => t.ok && t.check === check);
  if (!passed(DECRYPTED) || passed(VERIFIED) || error.code === 'SAML_DECRYPTION_FAILED') return error;
  const trace = [...error.trace, { check: 'encrypted-refusal', ok: false, detail: `${error.code} answered as SAML_DECRYPTION_FAILED` }];
  return new SamlValidationError('SAML_DECRYPTION_FAILED', `after decryption: ${error.message}`, trace, error);
}
