/**
 * The enveloped signature of an HTTP-POST LogoutRequest, verified with xml-crypto's public SignedXml API
 * against the metadata keys only (KeyInfo is never a key source: getCertFromKeyInfo answers nothing,
 * CVE-2024-32962). samlify is not involved: its LogoutRequest parsing has an unfixed wrapping flaw
 * (GHSA-63ch-w8pw-4mf2). logout-structure.ts has already made the signature the root's own, referencing the
 * root's ID, and checkSignatureAlgorithms / checkSignatureCerts its algorithms and certificate.
 */
import type { KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { Trace } from './trace';

function verifiesWith(xml: string, signature: Element, key: KeyObject): boolean {
  // Stryker disable next-line ArrowFunction: null and undefined alike make xml-crypto use publicCert
  const sx = new SignedXml({ publicCert: key, getCertFromKeyInfo: () => null });
  sx.loadSignature(signature);
  let valid = false;
  try {
    valid = sx.checkSignature(xml);
  } catch {
    // A signature xml-crypto cannot even process verifies nothing.
  }
  return valid;
}

/** Passes when `signature` verifies over `xml` with one of `keys`; otherwise SAML_SIGNATURE_INVALID. */
export function verifyEnvelopedSignature(xml: string, signature: Element, keys: readonly KeyObject[], trace: Trace): void {
  if (!keys.some((key) => verifiesWith(xml, signature, key))) {
    throw trace.fail('SAML_SIGNATURE_INVALID', 'signature', 'signature does not verify with a metadata certificate');
  }
  trace.pass('signature', 'enveloped signature');
}
