/**
 * EncryptedAssertion (saml-core §2.3.4, xmlenc-core §3): samlify decrypts with the connection's key, then
 * the plaintext Response is rebuilt without the Response-level signature (it signed the ciphertext, which
 * is gone) so the decrypted assertion has to carry, and pass, its own signature like any other.
 */
import { SamlLib, type ServiceProviderInstance } from 'samlify';
import { XMLSerializer } from '@xmldom/xmldom';
import { checkEncryptionAlgorithms } from './algorithms';
import { rejectDoctype } from './gate';
import { child, NS, parseXml } from './xml';
import type { Trace } from './trace';

/**
 * Decrypts the one EncryptedAssertion of `xml` and returns the Response with the plaintext assertion in its
 * place and the Response signature removed. Algorithms are checked first (RSA-OAEP + AES-CBC/GCM only).
 */
export async function decryptResponse(
  xml: string,
  encrypted: Element,
  sp: ServiceProviderInstance | undefined,
  trace: Trace,
): Promise<string> {
  checkEncryptionAlgorithms(encrypted, trace);
  // samlify's decryptAssertion logs its own failures with console.error; they carry no key material.
  if (!sp) throw trace.fail('SAML_DECRYPTION_FAILED', 'decrypt', 'connection has no encryption key');
  let decrypted: [string, string];
  try {
    decrypted = (await SamlLib.decryptAssertion(sp, xml)) as [string, string];
  } catch (e) {
    throw trace.fail('SAML_DECRYPTION_FAILED', 'decrypt', 'the assertion could not be decrypted', e);
  }
  const [responseXml, assertionXml] = decrypted;
  rejectDoctype(assertionXml, trace, 'decrypted-doctype');
  let doc: Document;
  // Stryker disable all: defence in depth, unreachable in tests — samlify serialised responseXml from a DOM it parsed
  try {
    doc = parseXml(responseXml);
  } catch (e) {
    // Same code as a failed decryption: a distinct "not well-formed" answer is the CBC oracle of
    // Jager & Somorovsky, "How to Break XML Encryption" (CCS 2011).
    throw trace.fail('SAML_DECRYPTION_FAILED', 'decrypt', 'the assertion could not be decrypted', e);
  }
  // Stryker restore all
  const signature = child(doc.documentElement, NS.ds, 'Signature');
  if (signature) doc.documentElement.removeChild(signature);
  trace.pass('decrypt');
  return new XMLSerializer().serializeToString(doc);
}
