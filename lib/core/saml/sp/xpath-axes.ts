/**
 * The run-time pieces of the compiled XPath (xpath-compile.ts): the library's axis walks, the name
 * functions, and the document-order bookkeeping that lets a result skip the library's sort.
 * Each is written against xpath 0.0.33 / 0.0.34 (identical there) on the @xmldom/xmldom DOM.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- the xpath library and xmldom are untyped JavaScript. */
export type XNode = any;
export type Lib = any;
export interface Ctx {
  caseInsensitive: unknown;
  /** The literals of a template expression (see ID_LOOKUP in xpath-fast.ts). */
  params?: string[];
}
export type StrFn = (node: XNode, ctx: Ctx) => string;
export type BoolFn = (node: XNode, ctx: Ctx) => boolean;
export type Accept = (node: XNode, ctx: Ctx) => boolean;
export interface Step {
  axis: number;
  accept: Accept;
  pred?: BoolFn;
}

/** Same test as xpath 0.0.34's isNodeLike, minus its own namespace-node type (those go to the library). */
export function isDomNode(n: XNode): boolean {
  return !!n && Number.isInteger(n.nodeType) && n.nodeType >= 1 && n.nodeType <= 11 && typeof n.nodeName === 'string';
}

/** XPathExpression.detectHtmlDom (identical in 0.0.33 and 0.0.34): xmldom's hasFeature() answers true. */
export function detectHtmlDom(n: XNode): unknown {
  if (!n) return false;
  const doc = n.nodeType === 9 ? n : n.ownerDocument;
  try {
    return doc.implementation.hasFeature('HTML', '2.0');
  } catch {
    return true;
  }
}

const matchesStep = (step: Step, m: XNode, ctx: Ctx): boolean => step.accept(m, ctx) && (!step.pred || step.pred(m, ctx));

/**
 * The library's axis loops (PathExpr.applyStep) for the supported axes, visiting in its order (document
 * order from one node) until `visit` answers true. Returns true when it did.
 */
export function someOnAxis(A: Record<string, number>, step: Step, node: XNode, ctx: Ctx, visit: (m: XNode) => boolean): boolean {
  const { axis } = step;
  if (axis === A.SELF) return matchesStep(step, node, ctx) && visit(node);
  if (axis === A.CHILD) {
    for (let m = node.firstChild; m != null; m = m.nextSibling) if (matchesStep(step, m, ctx) && visit(m)) return true;
    return false;
  }
  if (axis === A.ATTRIBUTE) {
    const nnm = node.attributes;
    if (nnm != null) {
      for (let k = 0; k < nnm.length; k++) {
        const m = nnm.item(k);
        if (matchesStep(step, m, ctx) && visit(m)) return true;
      }
    }
    return false;
  }
  if (axis === A.DESCENDANTORSELF && matchesStep(step, node, ctx) && visit(node)) return true;
  const st = [node.firstChild];
  while (st.length > 0) {
    for (let m = st.pop(); m != null; ) {
      if (matchesStep(step, m, ctx) && visit(m)) return true;
      if (m.firstChild != null) {
        st.push(m.nextSibling);
        m = m.firstChild;
      } else {
        m = m.nextSibling;
      }
    }
  }
  return false;
}

/** The nodes `step` selects from `node`, appended to `out` in the library's order (someOnAxis's loops, without a visitor). */
export function walkAxis(A: Record<string, number>, step: Step, node: XNode, ctx: Ctx, out: XNode[]): void {
  const { axis, accept, pred } = step;
  if (axis === A.SELF) {
    if (accept(node, ctx) && (!pred || pred(node, ctx))) out.push(node);
  } else if (axis === A.CHILD) {
    for (let m = node.firstChild; m != null; m = m.nextSibling) if (accept(m, ctx) && (!pred || pred(m, ctx))) out.push(m);
  } else if (axis === A.ATTRIBUTE) {
    const nnm = node.attributes;
    if (nnm != null) {
      for (let k = 0; k < nnm.length; k++) {
        const m = nnm.item(k);
        if (accept(m, ctx) && (!pred || pred(m, ctx))) out.push(m);
      }
    }
  } else {
    if (axis === A.DESCENDANTORSELF && accept(node, ctx) && (!pred || pred(node, ctx))) out.push(node);
    const st = [node.firstChild];
    while (st.length > 0) {
      for (let m = st.pop(); m != null; ) {
        if (accept(m, ctx) && (!pred || pred(m, ctx))) out.push(m);
        if (m.firstChild != null) {
          st.push(m.nextSibling);
          m = m.firstChild;
        } else {
          m = m.nextSibling;
        }
      }
    }
  }
}

/**
 * What is known of a node list's order, step by step, for the library's final sort (XNodeSet.toArray:
 * document order by its nodeOrder, attributes by their index, before the element's children; no duplicates).
 *   FLAT: in document order, no duplicates, no node inside another (one node; siblings' children; attributes).
 *   NESTED: in document order, no duplicates (the descendants of a FLAT list: disjoint subtrees, each in order).
 *   UNKNOWN: the library sorts.
 */
export const FLAT = 0;
export const NESTED = 1;
export const UNKNOWN = 2;
export type Order = typeof FLAT | typeof NESTED | typeof UNKNOWN;

/** The order after `axis` applied to a list in order `order` of `length` nodes. */
export function orderAfter(A: Record<string, number>, axis: number, order: Order, length: number): Order {
  if (length <= 1) order = FLAT;
  if (order === UNKNOWN || axis === A.SELF) return order;
  if (axis === A.ATTRIBUTE) return FLAT; // each element's attributes come right after it, before its children
  if (axis === A.CHILD) return order === FLAT ? FLAT : UNKNOWN;
  return order === FLAT ? NESTED : UNKNOWN; // descendant(-or-self) of nested nodes repeats nodes
}

/** Functions.localName / name / namespaceURI of the library version, on an already chosen node (or null). */
export function nameFunction(name: unknown, version: string): ((n: XNode) => string) | undefined {
  switch (name) {
    case 'local-name':
      return (n) => (n == null ? '' : String(n.localName || n.baseName || n.target || n.nodeName || ''));
    case 'namespace-uri':
      // 0.0.33 returns new XString(n.namespaceURI): "null" for a node without a namespace.
      return version === '0.0.33' ? (n) => (n == null ? '' : String(n.namespaceURI)) : (n) => (n == null ? '' : String(n.namespaceURI || ''));
    case 'name':
      return (n) => {
        if (n == null) return '';
        if (n.nodeType === 1) return String(n.nodeName);
        if (n.nodeType === 2) return String(n.name || n.nodeName);
        if (n.nodeType === 7) return String(n.target || n.nodeName);
        return n.localName == null ? '' : String(n.localName);
      };
    default:
      return undefined;
  }
}
