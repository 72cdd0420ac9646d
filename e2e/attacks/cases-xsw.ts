/**
 * XML Signature Wrapping, the nine variants of SAMLRaider's XSWHelpers (XSW1–8, XSW10; Somorovsky et al.,
 * "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012). Each starts from a response the IdP
 * really signed and moves or copies the signed part so a naive SP would read the attacker's copy.
 */
import { becomeAdmin, childOf, DS, dropOwnSignature, edit, first, SAML } from './dom';
import type { AttackCase } from './case';

/** XSW1/2 (signed Response): the evil Response keeps the Signature; the original goes inside it / before it. */
function wrapResponse(xml: string, where: 'inside-signature' | 'before-signature'): string {
  return edit(xml, (doc) => {
    const response = doc.documentElement;
    const original = response.cloneNode(true) as Element;
    dropOwnSignature(original);
    becomeAdmin(first(response, SAML, 'Assertion'));
    const signature = childOf(response, DS, 'Signature') as Element;
    if (where === 'inside-signature') signature.appendChild(original);
    else response.insertBefore(original, signature);
    response.setAttribute('ID', '_evil_response_ID');
  });
}

/** XSW3–8 (signed Assertion): an evil copy of the assertion, placed as SAMLRaider places it. */
function wrapAssertion(xml: string, variant: 3 | 4 | 5 | 6 | 7 | 8): string {
  return edit(xml, (doc) => {
    const response = doc.documentElement;
    const assertion = first(response, SAML, 'Assertion');
    const copy = assertion.cloneNode(true) as Element;
    if (variant === 3 || variant === 4 || variant === 7) {
      becomeAdmin(copy);
      dropOwnSignature(copy);
      copy.setAttribute('ID', '_evil_assertion_ID');
      if (variant === 3) response.insertBefore(copy, assertion);
      if (variant === 4) {
        response.appendChild(copy);
        copy.appendChild(assertion);
      }
      if (variant === 7) {
        const extensions = doc.createElement('Extensions');
        response.insertBefore(extensions, assertion);
        extensions.appendChild(copy);
      }
      return;
    }
    // 5, 6, 8: the original element becomes the evil one and keeps the Signature; the signed copy moves.
    becomeAdmin(assertion);
    dropOwnSignature(copy);
    const signature = childOf(assertion, DS, 'Signature') as Element;
    if (variant === 5) response.appendChild(copy);
    if (variant === 6) signature.appendChild(copy);
    if (variant === 8) signature.appendChild(doc.createElement('Object')).appendChild(copy);
    if (variant !== 8) assertion.setAttribute('ID', '_evil_assertion_ID');
  });
}

/** XSW10 (Response + Assertion signed): the Response signature goes, the assertion's is copied onto the Response with the signed assertion in an Object, and the visible assertion is edited. */
function xsw10(xml: string): string {
  return edit(xml, (doc) => {
    const response = doc.documentElement;
    const assertion = first(response, SAML, 'Assertion');
    dropOwnSignature(response);
    const assertionSig = childOf(assertion, DS, 'Signature') as Element;
    const clonedSig = assertionSig.cloneNode(true) as Element;
    const issuer = childOf(response, SAML, 'Issuer') as Element;
    response.insertBefore(clonedSig, issuer.nextSibling);
    const object = doc.createElementNS(DS, 'ds:Object');
    clonedSig.appendChild(object);
    object.appendChild(assertion.cloneNode(true));
    assertion.setAttribute('ID', `${assertion.getAttribute('ID')}ffff`);
    dropOwnSignature(assertion);
    becomeAdmin(assertion);
  });
}

export const xswCases: AttackCase[] = [
  { name: 'XSW1 original Response inside the Signature (Okta shape)', expect: 'SAML_WRAPPING_DETECTED', idp: 'okta', mutate: (x) => wrapResponse(x, 'inside-signature') },
  { name: 'XSW2 original Response before the Signature (Okta shape)', expect: 'SAML_WRAPPING_DETECTED', idp: 'okta', mutate: (x) => wrapResponse(x, 'before-signature') },
  { name: 'XSW3 evil Assertion before the signed one (ADFS shape)', expect: 'SAML_ASSERTION_COUNT', idp: 'adfs', mutate: (x) => wrapAssertion(x, 3) },
  { name: 'XSW4 signed Assertion inside the evil one (ADFS shape)', expect: 'SAML_WRAPPING_DETECTED', idp: 'adfs', mutate: (x) => wrapAssertion(x, 4) },
  { name: 'XSW5 evil Assertion keeps the Signature, signed copy appended (ADFS shape)', expect: 'SAML_ASSERTION_COUNT', idp: 'adfs', mutate: (x) => wrapAssertion(x, 5) },
  { name: 'XSW6 signed copy inside the evil Assertion\'s Signature (ADFS shape)', expect: 'SAML_WRAPPING_DETECTED', idp: 'adfs', mutate: (x) => wrapAssertion(x, 6) },
  { name: 'XSW7 evil Assertion inside Extensions (ADFS shape)', expect: 'SAML_WRAPPING_DETECTED', idp: 'adfs', mutate: (x) => wrapAssertion(x, 7) },
  { name: 'XSW8 signed copy in a ds:Object of the Signature (ADFS shape)', expect: 'SAML_WRAPPING_DETECTED', idp: 'adfs', mutate: (x) => wrapAssertion(x, 8) },
  { name: 'XSW10 assertion signature moved to the Response (Okta shape)', expect: 'SAML_WRAPPING_DETECTED', idp: 'okta', mutate: xsw10 },
];
