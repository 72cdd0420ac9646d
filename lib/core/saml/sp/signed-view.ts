/**
 * What the signatures cover, parsed: the only tree the checks after verification read (issue 15 §1).
 *
 * xml-crypto's `getSignedReferences()` returns the exclusive-canonical XML of each element a verified
 * signature digested (the enveloped transform has removed that signature itself). We parse it with our own
 * XXE-safe parser and check that its root is the element the signature was placed on (same name, same ID)
 * before anything is read from it. A signed Response brings its one Assertion with it; an assertion signed on
 * its own is read from its own reference. Only the unsigned Response envelope of an assertion-only signature
 * (Status, Destination, InResponseTo, the outer Issuer) is read from the received document, as every SAML
 * SP must: nothing there is trusted, each value is checked against what we expect.
 */
import { parseXml, attr, children, isEl, NS } from './xml';
import type { ResponseShape } from './structure';
import type { Trace } from './trace';

export interface SignedView {
  /** The signed Response, or the received one when only the assertion is signed. */
  response: Element;
  /** The assertion as signed. */
  assertion: Element;
}

/** Parses a signed reference and checks it is `{ns}local` with the ID of `placed`, else SAML_WRAPPING_DETECTED. */
function parseSigned(canonical: string, placed: Element, ns: string, local: string, trace: Trace): Element {
  let root: Element | null = null;
  try {
    root = parseXml(canonical).documentElement;
  } catch {
    // Not XML: refused below like any other reference that is not the element.
  }
  const id = attr(placed, 'ID');
  if (!isEl(root, ns, local) || id === undefined || attr(root, 'ID') !== id) {
    throw trace.fail('SAML_WRAPPING_DETECTED', 'signed-view', `the signed reference is not the ${local} the signature is placed on`);
  }
  return root;
}

/** The signed view of a verified response; `signed` is verifySignatures' answer for `shape.signatures`. */
export function signedView(shape: ResponseShape, signed: ReadonlyMap<Element, string>, trace: Trace): SignedView {
  const placed = shape.assertion as Element;
  const responseXml = signed.get(shape.response);
  const assertionXml = signed.get(placed);
  const response = responseXml === undefined ? shape.response : parseSigned(responseXml, shape.response, NS.samlp, 'Response', trace);
  let assertion: Element | undefined;
  if (assertionXml !== undefined) assertion = parseSigned(assertionXml, placed, NS.saml, 'Assertion', trace);
  else if (responseXml !== undefined) {
    const inside = children(response, NS.saml, 'Assertion');
    // structure.ts allowed exactly one assertion, a child of the Response: the signed Response holds it.
    if (inside.length === 1 && attr(inside[0] as Element, 'ID') === attr(placed, 'ID')) assertion = inside[0];
  }
  if (!assertion) throw trace.fail('SAML_SIGNATURE_MISSING', 'signed-view', 'no signature covers the assertion');
  trace.pass('signed-view', responseXml === undefined ? 'signed assertion' : 'signed response');
  return { response, assertion };
}
