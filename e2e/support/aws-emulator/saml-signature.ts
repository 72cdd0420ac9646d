/**
 * XML signature checks for a SAML Response (AWS-FACTS §1.2, §2): a Signature may only be a direct child of
 * the Response or of its one Assertion, must reference its parent by ID, use exc-c14n with RSA-SHA256/512
 * (SHA-1 refused) and verify with a certificate FROM THE METADATA (KeyInfo is ignored). The Assertion the
 * caller reads is re-parsed from the XML the signature covers, never taken from the received document.
 */
import { SignedXml } from 'xml-crypto';
import { attr, childElements, descendants, is, NS, onlyChild, parseStrictXml } from './saml-xml';

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SIGNATURE_ALGORITHMS = [
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
];
const DIGEST_ALGORITHMS = [
  'http://www.w3.org/2001/04/xmlenc#sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512',
];
const SHA1 = /sha1$/i;

/** Every message starts with AWS's "Response signature invalid"; the parenthesis is the emulator's. */
export class SamlSignatureError extends Error {
  override readonly name = 'SamlSignatureError';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Response signature invalid (${detail})`, options);
  }
}

function algorithmOf(parent: Element, local: string): string {
  const el = onlyChild(parent, NS.dsig, local);
  if (el === undefined || el === 'many') throw new SamlSignatureError(`expected one ${local}`);
  return attr(el, 'Algorithm') ?? '';
}

function checkAlgorithm(alg: string, allowed: string[]): void {
  if (SHA1.test(alg)) throw new SamlSignatureError('SHA-1 signatures are not accepted');
  if (!allowed.includes(alg)) throw new SamlSignatureError(`unsupported algorithm ${alg}`);
}

/** One SignedInfo with allowlisted algorithms and exactly one Reference to `#<parent ID>`. */
function checkShape(signature: Element, parent: Element): void {
  const signedInfo = onlyChild(signature, NS.dsig, 'SignedInfo');
  if (signedInfo === undefined || signedInfo === 'many') {
    throw new SamlSignatureError('expected one SignedInfo');
  }
  if (algorithmOf(signedInfo, 'CanonicalizationMethod') !== EXC_C14N) {
    throw new SamlSignatureError('SignedInfo must use exclusive canonicalization');
  }
  checkAlgorithm(algorithmOf(signedInfo, 'SignatureMethod'), SIGNATURE_ALGORITHMS);
  const refs = childElements(signedInfo, NS.dsig, 'Reference');
  const id = attr(parent, 'ID') ?? '';
  if (refs.length !== 1 || !refs[0] || id === '' || attr(refs[0], 'URI') !== `#${id}`) {
    throw new SamlSignatureError(`the signature must reference its parent ${parent.localName}`);
  }
  checkAlgorithm(algorithmOf(refs[0], 'DigestMethod'), DIGEST_ALGORITHMS);
  const transforms = childElements(refs[0], NS.dsig, 'Transforms').flatMap((t) =>
    childElements(t, NS.dsig, 'Transform'),
  );
  const bad = transforms.find((t) => ![ENVELOPED, EXC_C14N].includes(attr(t, 'Algorithm') ?? ''));
  if (bad) throw new SamlSignatureError(`unsupported transform ${attr(bad, 'Algorithm') ?? ''}`);
}

/** Verifies one signature against each metadata certificate; returns the canonical XML it covers. */
function verifyOne(xml: string, signature: Element, parent: Element, certs: string[]): Element {
  checkShape(signature, parent);
  let cause: unknown;
  for (const publicCert of certs) {
    // getCertFromKeyInfo → null: a certificate embedded in the response is never trusted.
    const sig = new SignedXml({ publicCert, getCertFromKeyInfo: () => null });
    try {
      sig.loadSignature(signature);
      const signed = sig.checkSignature(xml) ? sig.getSignedReferences() : [];
      if (signed.length === 1 && signed[0] !== undefined) {
        const root = parseStrictXml(signed[0]).documentElement;
        if (root && is(root, parent.namespaceURI ?? '', parent.localName)) {
          if (attr(root, 'ID') === attr(parent, 'ID')) return root;
        }
      }
    } catch (err) {
      cause = err;
    }
  }
  throw new SamlSignatureError('no metadata certificate verifies the signature', { cause });
}

/**
 * Verifies the Response and/or Assertion signature(s) (at least one, each must verify) and returns the
 * Assertion element parsed from the signed XML.
 */
export function verifySignedAssertion(
  xml: string,
  doc: Document,
  response: Element,
  assertion: Element,
  certs: string[],
): Element {
  const all = descendants(doc, NS.dsig, 'Signature');
  const onResponse = childElements(response, NS.dsig, 'Signature');
  const onAssertion = childElements(assertion, NS.dsig, 'Signature');
  if (all.length === 0) throw new SamlSignatureError('the response is not signed');
  if (
    onResponse.length > 1 ||
    onAssertion.length > 1 ||
    all.length !== onResponse.length + onAssertion.length
  ) {
    throw new SamlSignatureError('a Signature must be a direct child of the Response or Assertion');
  }
  let signed: Element | undefined;
  if (onResponse[0]) {
    const root = verifyOne(xml, onResponse[0], response, certs);
    const inner = childElements(root, NS.assertion, 'Assertion');
    if (inner.length !== 1)
      throw new SamlSignatureError('the signed Response has no one Assertion');
    signed = inner[0];
  }
  if (onAssertion[0]) signed = verifyOne(xml, onAssertion[0], assertion, certs);
  if (!signed) throw new SamlSignatureError('the response is not signed');
  return signed;
}
