/**
 * DOM surgery on signed responses, the way an attacker edits a captured SAMLResponse (SAMLRaider, Burp).
 * Attack-suite only.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

export const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const DS = 'http://www.w3.org/2000/09/xmldsig#';

/** Parses `xml`, lets `edit` change the document, and serializes it back. */
export function edit(xml: string, change: (doc: Document) => void): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  change(doc);
  return new XMLSerializer().serializeToString(doc);
}

export function first(root: Document | Element, ns: string, local: string): Element {
  const el = root.getElementsByTagNameNS(ns, local).item(0);
  if (!el) throw new Error(`fixture has no ${local}`);
  return el;
}

/** The direct child `{ns}local` of `parent`. */
export function childOf(parent: Element, ns: string, local: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local) return n as Element;
  }
  return undefined;
}

/** The attacker's edit of a copied assertion: become admin (SAMLRaider "match and replace"). */
export function becomeAdmin(assertion: Element): void {
  const nameId = first(assertion, SAML, 'NameID');
  while (nameId.firstChild) nameId.removeChild(nameId.firstChild);
  nameId.appendChild(nameId.ownerDocument.createTextNode('admin@example.com'));
}

/** Removes the Signature that is a direct child of `el`, if any. */
export function dropOwnSignature(el: Element): void {
  const sig = childOf(el, DS, 'Signature');
  if (sig) el.removeChild(sig);
}

export const b64 = (xml: string): string => Buffer.from(xml, 'utf8').toString('base64');
