/**
 * The XML Signatures of a SAML Response, verified on xml-crypto's public `SignedXml` API only (issue 15 §1).
 *
 * Why this design and not samlify's `parseLoginResponse`: samlify verifies, then extracts values from its
 * own re-parse of the document by XPath, and its only public seam is the schema validator; every speed-up of
 * that flow needed its internals patched. Here xml-crypto — the code its authors and auditors review —
 * verifies each signature with the metadata key we imported (a `KeyObject` as `publicCert`; KeyInfo is never
 * a key source: `getCertFromKeyInfo` answers nothing, CVE-2024-32962), and hands back through
 * `getSignedReferences()` the canonical XML it digested. signed-view.ts parses that, and every later check
 * reads only it: what we read is what was signed, by construction, whatever the document around it says.
 * Before this runs, structure.ts has made each signature its parent's own (one Reference to the parent's
 * unique ID), and algorithms.ts / cert-trust.ts have checked its algorithms and certificate.
 */
import type { KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { child, descendants, NS, textOf } from './xml';
import type { Trace } from './trace';

/** A metadata signing key: its certificate's base64 body (whitespace removed) and the imported key. */
export interface VerifyKey {
  body: string;
  key: KeyObject;
}

/** The attribute a SAML reference URI names (saml-core §1.3.4); the only one xml-crypto needs to search. */
export const ID_ATTRIBUTE = 'ID';

/** The canonical XML `signature` signs, when it verifies over `xml` with `key` and signs exactly one reference. */
export function signedReference(xml: string, signature: Element, key: KeyObject): string | undefined {
  // Stryker disable next-line ArrowFunction: null and undefined alike make xml-crypto use publicCert
  const sx = new SignedXml({ publicCert: key, getCertFromKeyInfo: () => null });
  // SAML names its IDs `ID` only (saml-core §1.3.4), and structure.ts has already refused any duplicate among
  // ID / Id / id: one whole-document XPath scan per reference instead of xml-crypto's default three.
  sx.idAttributes = [ID_ATTRIBUTE];
  sx.loadSignature(signature);
  // Stryker disable next-line BooleanLiteral: belt and braces — xml-crypto publishes signed references only on success
  let valid = false;
  try {
    valid = sx.checkSignature(xml);
  } catch {
    // A signature xml-crypto cannot even process verifies nothing (and publishes no signed reference).
  }
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: belt and braces, as above
  if (!valid) return undefined;
  const refs = sx.getSignedReferences();
  // Exactly one reference, as structure.ts already required of the SignedInfo: what it covers is one element.
  return refs.length === 1 ? refs[0] : undefined;
}

/**
 * The metadata keys in the order to try them: the one whose certificate the signature's KeyInfo names
 * first (one RSA verify on the common path during a rotation), then the others. Order never decides
 * acceptance: any metadata key that verifies is a pass, no other key ever is.
 */
export function keysFor(signature: Element, keys: readonly VerifyKey[]): VerifyKey[] {
  const keyInfo = child(signature, NS.ds, 'KeyInfo');
  // Stryker disable next-line Regex: removing whitespace one character or one run at a time gives the same text.
  const named = new Set((keyInfo ? descendants(keyInfo, NS.ds, 'X509Certificate') : []).map((c) => textOf(c).replace(/\s+/g, '')));
  return [...keys.filter((k) => named.has(k.body)), ...keys.filter((k) => !named.has(k.body))];
}

/**
 * Verifies every signature of the response over `xml` (the exact string our pipeline parsed) with a
 * metadata key. Returns, per signed element (each signature's parent), the canonical XML that signature
 * covers. Any signature that does not verify refuses the whole response: SAML_SIGNATURE_INVALID.
 */
export function verifySignatures(xml: string, signatures: readonly Element[], keys: readonly VerifyKey[], trace: Trace): Map<Element, string> {
  const signed = new Map<Element, string>();
  for (const signature of signatures) {
    let canonical: string | undefined;
    for (const { key } of keysFor(signature, keys)) {
      canonical = signedReference(xml, signature, key);
      if (canonical !== undefined) break;
    }
    if (canonical === undefined) throw trace.fail('SAML_SIGNATURE_INVALID', 'signature', 'signature does not verify with a metadata certificate');
    signed.set(signature.parentNode as Element, canonical);
  }
  trace.pass('signature', `${signatures.length} signature(s), xml-crypto SignedXml with the metadata key`);
  return signed;
}
