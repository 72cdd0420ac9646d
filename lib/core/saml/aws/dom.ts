/**
 * Building SAML documents as DOM trees with @xmldom/xmldom (the version samlify and xml-crypto use),
 * never by string concatenation: the serializer escapes every attribute value and text node, so
 * markup in a value stays text (GHSA-34r5-q4jw-r36m). The values are also validated before they get
 * here (./values, ./attributes, ./roles).
 */
import { randomBytes } from 'node:crypto';
import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { NS, type NsPrefix } from './names';

/** UTF-8 XML declaration; no BOM is ever written (AWS-FACTS §1.2: metadata "UTF-8 without BOM"). */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** A child: an element, or text (escaped by the serializer). */
export type XmlChild = Element | string;

/** Creates elements of the SAML/metadata/XMLDSig namespaces in one document. */
export interface XmlBuilder {
  doc: Document;
  /** `el('saml:Issuer', { Format: … }, ['https://idp'])` */
  el(
    qname: `${NsPrefix}:${string}`,
    attrs?: Record<string, string>,
    children?: XmlChild[],
  ): Element;
}

/** The namespace of `xmlns:*` declarations (Namespaces in XML §3), the DOM-correct one to use. */
// Stryker disable next-line StringLiteral: @xmldom/xmldom 0.8 serializes an xmlns:* attribute the same whatever its namespace URI
const XMLNS = 'http://www.w3.org/2000/xmlns/';

function nsOf(qname: string): string {
  const prefix = qname.slice(0, qname.indexOf(':')) as NsPrefix;
  return NS[prefix];
}

/**
 * Starts a document whose root is `rootQname`, declaring the namespaces of `prefixes` on the root
 * so that descendants reuse them.
 */
export function xmlBuilder(rootQname: `${NsPrefix}:${string}`, prefixes: NsPrefix[]): XmlBuilder {
  const doc = new DOMImplementation().createDocument(nsOf(rootQname), rootQname, null);
  for (const p of prefixes) {
    doc.documentElement.setAttributeNS(XMLNS, `xmlns:${p}`, NS[p]);
  }
  const el: XmlBuilder['el'] = (qname, attrs = {}, children = []) => {
    const node = doc.createElementNS(nsOf(qname), qname);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    for (const child of children) {
      node.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
    }
    return node;
  };
  return { doc, el };
}

/** Fills the root element made by {@link xmlBuilder}. */
export function fillRoot(
  b: XmlBuilder,
  attrs: Record<string, string>,
  children: Element[],
): Element {
  const root = b.doc.documentElement;
  for (const [name, value] of Object.entries(attrs)) root.setAttribute(name, value);
  for (const child of children) root.appendChild(child);
  return root;
}

/**
 * Serializes with `requireWellFormed`, so the serializer refuses anything that would not parse
 * back to the same tree.
 */
export function serialize(doc: Document): string {
  return new XMLSerializer().serializeToString(doc, false, undefined, { requireWellFormed: true });
}

/**
 * A fresh SAML ID: `_` + 160 random bits in hex. An xs:ID must be an NCName (no leading digit) and
 * SAML core §1.3.4 asks for at least 128 bits of randomness.
 */
export function samlId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

/** xs:dateTime in UTC with milliseconds, as SAML core §1.3.3 requires (`Z`, no offset). */
export function samlTime(d: Date): string {
  return d.toISOString();
}
