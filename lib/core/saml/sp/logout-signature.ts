/**
 * The enveloped signature of an HTTP-POST LogoutRequest, verified with xml-crypto's public SignedXml API
 * against the metadata keys only (KeyInfo is never a key source: getCertFromKeyInfo answers nothing,
 * CVE-2024-32962). samlify is not involved: its LogoutRequest parsing has an unfixed wrapping flaw
 * (GHSA-63ch-w8pw-4mf2). logout-structure.ts has already made the signature the root's own, referencing the
 * root's ID, and checkSignatureAlgorithms / checkSignatureCerts its algorithms and certificate. The check
 * itself is verify-signatures.ts' signedReference: one SignedXml set-up for responses and logout alike.
 */
import type { KeyObject } from 'node:crypto';
import type { Trace } from './trace';
import { signedReference } from './verify-signatures';

/** Passes when `signature` verifies over `xml` with one of `keys`; otherwise SAML_SIGNATURE_INVALID. */
export function verifyEnvelopedSignature(xml: string, signature: Element, keys: readonly KeyObject[], trace: Trace): void {
  if (!keys.some((key) => signedReference(xml, signature, key) !== undefined)) {
    throw trace.fail('SAML_SIGNATURE_INVALID', 'signature', 'signature does not verify with a metadata certificate');
  }
  trace.pass('signature', 'enveloped signature');
}
