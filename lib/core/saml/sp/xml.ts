/**
 * XML primitives shared by the SP checks: namespaces, the one XXE-safe parse, and small DOM helpers.
 * Everything here works on the @xmldom/xmldom DOM that samlify and xml-crypto also use, so every check
 * reads the same tree the engine verifies (no parser differential, AWS-FACTS §2 "DOCTYPE differential").
 */
import { DOMParser } from '@xmldom/xmldom';

export const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  xenc11: 'http://www.w3.org/2009/xmlenc11#',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  ec: 'http://www.w3.org/2001/10/xml-exc-c14n#',
} as const;

/** DOM node types (the Node global does not exist in Node.js). */
export const NodeType = { element: 1, attribute: 2, text: 3, cdata: 4, pi: 7, comment: 8, document: 9 } as const;

/**
 * Parses with the same fatal error handling as samlify's `XXE_SAFE_OPTIONS` (src/api.ts): any error or
 * fatal error aborts, so an undefined entity reference (`&xxe;`) can never be skipped over. Warnings are
 * fatal too: a document that makes the parser guess is not one we sign people in with.
 */
export function parseXml(xml: string): Document {
  const fail = (msg: string): never => {
    throw new Error(`XML parsing error: ${msg}`);
  };
  const parser = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } });
  const doc = parser.parseFromString(xml, 'text/xml');
  if (!doc || !doc.documentElement) throw new Error('XML parsing error: no root element');
  return doc;
}

/** True when `node` is the element `{ns}local`. */
export function isEl(node: Node | null | undefined, ns: string, local: string): node is Element {
  return !!node && node.nodeType === NodeType.element && (node as Element).namespaceURI === ns && (node as Element).localName === local;
}

/** Element children in document order. */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === NodeType.element) out.push(n as Element);
  return out;
}

/** The element children named `{ns}local`. */
export function children(el: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === NodeType.element && (n as Element).namespaceURI === ns && (n as Element).localName === local) out.push(n as Element);
  }
  return out;
}

/** The first child `{ns}local`, or undefined when there is none. Callers rely on schema validation for "at most one". */
export function child(el: Element, ns: string, local: string): Element | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === NodeType.element && (n as Element).namespaceURI === ns && (n as Element).localName === local) return n as Element;
  }
  return undefined;
}

/**
 * Every descendant element of `root` (root excluded) in document order whose namespace is `ns` and local
 * name `local`, `'*'` matching any: exactly what xmldom's getElementsByTagNameNS lists (same walk as its
 * walkDOM: children pushed from lastChild back, same tests), without building its live NodeList, which
 * re-checks the document on every `length` and item access.
 */
export function descendants(root: Document | Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [];
  for (let c = root.lastChild; c; c = c.previousSibling) stack.push(c);
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (
      n.nodeType === NodeType.element &&
      (ns === '*' || (n as Element).namespaceURI === ns) &&
      // `==` as xmldom compares the local name.
      (local === '*' || (n as Element).localName == local)
    ) {
      out.push(n as Element);
    }
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/** An unqualified attribute's value, or undefined when absent (xmldom returns '' for absent ones). */
export function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? el.getAttribute(name) ?? undefined : undefined;
}

/**
 * Concatenated text of all descendant text and CDATA nodes (DOM textContent: comments excluded). A lone
 * text or CDATA child is read directly: xmldom's textContent joins the nodeValue of exactly that node.
 */
export function textOf(el: Element): string {
  const only = el.firstChild;
  if (only === null) return '';
  if (only === el.lastChild && (only.nodeType === NodeType.text || only.nodeType === NodeType.cdata)) return only.nodeValue ?? '';
  return el.textContent ?? '';
}

/** Walks every node under `root` (root included), depth first, in document order. */
export function walk(root: Node, visit: (node: Node) => void): void {
  visit(root);
  for (let n = root.firstChild; n; n = n.nextSibling) walk(n, visit);
}
