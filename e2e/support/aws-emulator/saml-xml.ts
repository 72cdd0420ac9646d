/**
 * Strict XML parsing for SAML documents (IdP metadata, Responses) and small namespace-aware DOM helpers.
 * A DOCTYPE (or entity declaration) is refused before parsing (AWS-FACTS §2: XXE / DOCTYPE differential),
 * and every parser warning or error is fatal.
 */
import { DOMParser } from '@xmldom/xmldom';

export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

export class XmlParseError extends Error {
  override readonly name = 'XmlParseError';
}

/** Parses well-formed XML without a DOCTYPE; throws XmlParseError otherwise. */
export function parseStrictXml(text: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlParseError('a DOCTYPE is not allowed');
  const problems: string[] = [];
  const record = (msg: unknown): void => void problems.push(String(msg));
  let doc: Document;
  try {
    doc = new DOMParser({
      errorHandler: { warning: record, error: record, fatalError: record },
    }).parseFromString(text, 'text/xml');
  } catch (err) {
    throw new XmlParseError(`not well-formed XML: ${String(err)}`, { cause: err });
  }
  if (problems.length > 0) throw new XmlParseError(`not well-formed XML: ${problems[0]}`);
  if (!doc.documentElement) throw new XmlParseError('no document element');
  return doc;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** Direct child elements with the given namespace and local name. */
export function childElements(parent: Element, ns: string, local: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (n): n is Element => isElement(n) && n.namespaceURI === ns && n.localName === local,
  );
}

/** The only such child element; undefined when there is none, `'many'` when there are several. */
export function onlyChild(
  parent: Element,
  ns: string,
  local: string,
): Element | undefined | 'many' {
  const found = childElements(parent, ns, local);
  return found.length > 1 ? 'many' : found[0];
}

/** All descendant elements with the given namespace and local name, in document order. */
export function descendants(root: Document | Element, ns: string, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, local));
}

export function is(el: Element, ns: string, local: string): boolean {
  return el.namespaceURI === ns && el.localName === local;
}

/** The full text content (all text nodes concatenated), trimmed. */
export function textOf(el: Element | undefined): string {
  return (el?.textContent ?? '').trim();
}

/** An attribute value, or undefined when the attribute is absent. */
export function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? '') : undefined;
}
