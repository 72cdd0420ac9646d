/**
 * Structural checks on the parsed, not yet verified response. They make every XML Signature Wrapping
 * variant (SAMLRaider XSW1–8, XSW10; AWS-FACTS §2) fail before any value is read: one Response, exactly one
 * assertion and only as a child of the Response, signatures only where SAML puts them (saml-core §5.4.1),
 * each signing its own parent by a unique ID (saml-core §5.4.2), so the verified node and the node we read
 * cannot differ.
 */
import { attr, child, descendants, isEl, NS } from './xml';
import type { Trace } from './trace';

export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

export interface ResponseShape {
  response: Element;
  /** The plaintext assertion, or undefined when it is encrypted. */
  assertion?: Element;
  encryptedAssertion?: Element;
  signatures: Element[];
}

/** saml-core §3.2.2.2: anything but a top-level Success ends the sign-in. */
export function checkStatus(response: Element, trace: Trace): void {
  const top = child(response, NS.samlp, 'Status');
  const code = top && child(top, NS.samlp, 'StatusCode');
  if (!code) throw trace.fail('SAML_SCHEMA_INVALID', 'status', 'no Status/StatusCode');
  // attr(), not getAttribute(): xmldom answers '' for a missing Value, which would print as nothing.
  const value = attr(code, 'Value');
  if (value !== STATUS_SUCCESS) {
    const inner = child(code, NS.samlp, 'StatusCode');
    const second = inner && attr(inner, 'Value');
    throw trace.fail('SAML_STATUS_NOT_SUCCESS', 'status', `${value ?? 'none'}${second ? ` / ${second}` : ''}`);
  }
  trace.pass('status');
}

/** The elements of `all` named `{ns}local`, in order: what descendants(doc, ns, local) returns. */
function named(all: Element[], ns: string, local: string): Element[] {
  // `==` as descendants() (and xmldom) compares the local name.
  return all.filter((el) => el.namespaceURI === ns && el.localName == local);
}

function checkAssertions(elements: Element[], response: Element, trace: Trace): Element {
  const all = [...named(elements, NS.saml, 'Assertion'), ...named(elements, NS.saml, 'EncryptedAssertion')];
  const hidden = all.filter((a) => a.parentNode !== response);
  if (hidden.length > 0) {
    throw trace.fail('SAML_WRAPPING_DETECTED', 'assertion-placement', `assertion inside ${(hidden[0]?.parentNode as Element).localName}`);
  }
  if (all.length !== 1) throw trace.fail('SAML_ASSERTION_COUNT', 'assertion-count', `${all.length} assertions`);
  trace.pass('assertion-count');
  return all[0] as Element;
}

/** Every ID / Id / id attribute (any namespace, as xml-crypto resolves them) must be unique. */
export function checkUniqueIds(elements: Element[], trace: Trace): void {
  const seen = new Set<string>();
  for (const el of elements) {
    const attrs = el.attributes;
    for (let j = 0; j < attrs.length; j++) {
      const a = attrs.item(j) as Attr;
      const name = a.localName ?? a.name;
      if (name !== 'ID' && name !== 'Id' && name !== 'id') continue;
      if (seen.has(a.value)) throw trace.fail('SAML_WRAPPING_DETECTED', 'unique-ids', 'duplicate ID');
      seen.add(a.value);
    }
  }
  trace.pass('unique-ids');
}

/** A signature must be a direct child of one of `allowedParents` (the Response, the assertion) and reference exactly its parent. */
export function checkSignaturePlacement(elements: Element[], allowedParents: Element[], trace: Trace): Element[] {
  const signatures = named(elements, NS.ds, 'Signature');
  for (const sig of signatures) {
    const parent = sig.parentNode as Element;
    if (!allowedParents.includes(parent)) {
      throw trace.fail('SAML_WRAPPING_DETECTED', 'signature-placement', `Signature inside ${parent.localName}`);
    }
    const signedInfo = child(sig, NS.ds, 'SignedInfo');
    const refs = signedInfo ? descendants(signedInfo, NS.ds, 'Reference') : [];
    if (refs.length !== 1) throw trace.fail('SAML_WRAPPING_DETECTED', 'signature-reference', `${refs.length} references`);
    const id = parent.getAttribute('ID');
    if (!id || (refs[0] as Element).getAttribute('URI') !== `#${id}`) {
      throw trace.fail('SAML_WRAPPING_DETECTED', 'signature-reference', `reference does not point at its ${parent.localName}`);
    }
  }
  trace.pass('signature-placement', `${signatures.length} signature(s)`);
  return signatures;
}

/**
 * Runs the structure checks. `requireAssertionSignature` is set for a decrypted assertion: an encrypted
 * assertion must carry its own signature (the Response signature only covered the ciphertext).
 */
export function checkStructure(doc: Document, trace: Trace, requireAssertionSignature = false): ResponseShape {
  const response = doc.documentElement;
  if (!isEl(response, NS.samlp, 'Response')) throw trace.fail('SAML_SCHEMA_INVALID', 'root', 'root is not samlp:Response');
  // Every element once, in document order; each check below reads its own kind from this list.
  const elements = descendants(doc, '*', '*');
  if (named(elements, NS.samlp, 'Response').length !== 1) {
    throw trace.fail('SAML_WRAPPING_DETECTED', 'response-count', 'nested Response');
  }
  checkStatus(response, trace);
  const one = checkAssertions(elements, response, trace);
  checkUniqueIds(elements, trace);
  const signatures = checkSignaturePlacement(elements, [response, one], trace);
  const assertion = one.localName === 'Assertion' ? one : undefined;
  // Every signature left is a child of the Response or of the assertion (checkSignaturePlacement).
  if (signatures.length === 0 && assertion) throw trace.fail('SAML_SIGNATURE_MISSING', 'signature-present', 'no signature');
  if (requireAssertionSignature && !signatures.some((s) => s.parentNode === assertion)) {
    throw trace.fail('SAML_SIGNATURE_MISSING', 'signature-present', 'decrypted assertion is not signed');
  }
  trace.pass('signature-present');
  return { response, assertion, encryptedAssertion: assertion ? undefined : one, signatures };
}
