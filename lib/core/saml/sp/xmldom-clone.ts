/**
 * A faster `Node.prototype.cloneNode` for @xmldom/xmldom 0.8.15, used only inside our samlify run.
 *
 * xml-crypto 6.3.2 deep-clones every node it canonicalizes (`canonicalize`: the SignedInfo twice, the signed
 * Assertion once), because its transforms edit the copy. xmldom copies each node's scalar own properties
 * with `for (var n in srcNode) if (hasOwnProperty…)`: the for-in also walks the ~50 enumerable methods on
 * the prototype chain, which V8 cannot cache for these objects, so cloning one 39-node assertion cost
 * ~0.2–0.3 ms, 9–12 % of a whole validation. This is xmldom's function (lib/dom.js `cloneNode`) with that one
 * loop written as `Object.keys(srcNode)`, which lists exactly the keys the filtered for-in visits, in the
 * same order (own enumerable string keys; the loop does not change `srcNode`). Everything else is xmldom's:
 * its walkDOM, NodeList, NamedNodeMap prototype, setAttributeNode and appendChild.
 *
 * Installed only for xmldom 0.8.15 (checked against its package.json), only after a self-test clones a probe
 * document both ways and finds them identical, and active only while `isActive()` (our engine run, see
 * engine-run.ts) answers true; everywhere else xmldom's own cloneNode runs. engine-hooks.test.ts
 * compares both clones of every node of a corpus and pins the number of clones of one validation.
 */
import { xmlCryptoXmldom } from './engine-internals';

/* eslint-disable @typescript-eslint/no-explicit-any -- xmldom's DOM implementation is untyped internals. */
type XNode = any;

export const SUPPORTED_XMLDOM_VERSION = '0.8.15';

let installed: boolean | undefined;
let fastClones = 0;
let both: ((node: XNode, deep: boolean) => [XNode, XNode]) | undefined;

interface DomModule {
  Node: { prototype: { cloneNode: (this: XNode, deep?: boolean) => XNode } };
  NodeList: new () => unknown;
}

function makeClone(dom: DomModule, namedNodeMapPrototype: object): (doc: XNode, node: XNode, deep: boolean) => XNode {
  const { NodeList } = dom;
  const newNamedNodeMap = (): XNode => {
    const map = Object.create(namedNodeMapPrototype);
    map._nameIndex = Object.create(null); // NamedNodeMap's constructor, xmldom 0.8.15 lib/dom.js
    return map;
  };
  /** walkDOM's `enter` of xmldom's cloneNode for one node, minus the append: the copy with its attributes. */
  const copy = (doc: XNode, srcNode: XNode): XNode => {
    const destNode = new srcNode.constructor();
    const keys = Object.keys(srcNode);
    for (let k = 0; k < keys.length; k++) {
      const n = keys[k] as string;
      const v = srcNode[n];
      // `!=` as in xmldom.
      if (typeof v != 'object' && v != destNode[n]) destNode[n] = v;
    }
    if (srcNode.childNodes) destNode.childNodes = new NodeList();
    destNode.ownerDocument = doc;
    if (destNode.nodeType === 1) {
      const attrs = srcNode.attributes;
      const attrs2 = (destNode.attributes = newNamedNodeMap());
      const len = attrs.length;
      attrs2._ownerElement = destNode;
      for (let i = 0; i < len; i++) destNode.setAttributeNode(clone(doc, attrs.item(i), true));
    }
    return destNode;
  };
  /**
   * walkDOM's traversal without its frame objects: the same stack discipline (children pushed from the
   * last, read from the source after its copy is made), the same order of copies and appends.
   */
  const clone = (doc: XNode, node: XNode, deep: boolean): XNode => {
    let destRoot: XNode;
    const sources: XNode[] = [node];
    const parents: XNode[] = [null];
    while (sources.length > 0) {
      const srcNode = sources.pop();
      const destParent = parents.pop();
      const destNode = copy(doc, srcNode);
      if (destParent !== null) destParent.appendChild(destNode);
      else destRoot = destNode;
      // An attribute is always cloned deep (xmldom: `case ATTRIBUTE_NODE: shouldDeep = true`).
      if (deep || destNode.nodeType === 2) {
        for (let c = srcNode.lastChild; c; c = c.previousSibling) {
          sources.push(c);
          parents.push(destNode);
        }
      }
    }
    return destRoot;
  };
  return clone;
}

const PROBE =
  '<?xml version="1.0"?><!-- c --><r:root xmlns:r="urn:r" xmlns="urn:d" a="1" r:b="2" xml:lang="en">' +
  '<child id="x">text &amp; more<![CDATA[<cdata>]]><!-- in --><?pi data?></child><e/><r:f g=""/>tail</r:root>';

/** Deep equality of two xmldom subtrees: constructors, own scalar properties in order, attributes, children. */
export function sameTree(a: XNode, b: XNode, rootA: XNode = a, rootB: XNode = b): boolean {
  if (a === b) return true;
  if (!a || !b || a.constructor !== b.constructor || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\0') !== kb.join('\0')) return false;
  // The same owner, or each tree's own root (children of a cloned Document belong to that clone).
  if (a.ownerDocument !== b.ownerDocument && !(a.ownerDocument === rootA && b.ownerDocument === rootB)) return false;
  for (const k of ka) {
    // _inc is the owner document's live-list invalidation counter: every clone bumps it, so it differs.
    if (k !== '_inc' && typeof a[k] !== 'object' && a[k] !== b[k] && !(Number.isNaN(a[k]) && Number.isNaN(b[k]))) return false;
  }
  if (a.attributes || b.attributes) {
    if (!a.attributes || !b.attributes || a.attributes.length !== b.attributes.length) return false;
    if (Object.getPrototypeOf(a.attributes) !== Object.getPrototypeOf(b.attributes)) return false;
    if (Object.keys(a.attributes).join('\0') !== Object.keys(b.attributes).join('\0')) return false;
    for (let i = 0; i < a.attributes.length; i++) if (!sameTree(a.attributes.item(i), b.attributes.item(i), rootA, rootB)) return false;
  }
  if ((a.childNodes?.length ?? 0) !== (b.childNodes?.length ?? 0)) return false;
  for (let x = a.firstChild, y = b.firstChild; x || y; x = x?.nextSibling, y = y?.nextSibling) if (!sameTree(x, y, rootA, rootB)) return false;
  return true;
}

/**
 * Replaces xmldom's Node.prototype.cloneNode with the faster copy while `isActive()`; xmldom's own otherwise.
 * Returns false (and changes nothing) for another xmldom version or if the self-test fails.
 */
export function installFastClone(isActive: () => boolean): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  try {
    const xmldom = xmlCryptoXmldom();
    if (!xmldom || xmldom.version !== SUPPORTED_XMLDOM_VERSION) return false;
    const dom = xmldom.dom as DomModule;
    const { DOMParser } = xmldom.index as { DOMParser: new (o?: object) => { parseFromString(s: string, m: string): XNode } };
    if (typeof dom.NodeList !== 'function' || typeof dom.Node?.prototype?.cloneNode !== 'function') return false;
    const probe = new DOMParser().parseFromString(PROBE, 'text/xml');
    const clone = makeClone(dom, Object.getPrototypeOf(probe.documentElement.attributes));
    const original = dom.Node.prototype.cloneNode;
    for (const deep of [true, false]) {
      for (const node of [probe, probe.documentElement, probe.documentElement.firstChild, probe.documentElement.attributes.item(1)]) {
        if (!sameTree(original.call(node, deep), clone(node.ownerDocument || node, node, deep))) return false;
      }
    }
    both = (node, deep) => [original.call(node, deep), clone(node.ownerDocument || node, node, deep)];
    dom.Node.prototype.cloneNode = function cloneNode(this: XNode, deep?: boolean) {
      if (!isActive()) return original.call(this, deep);
      fastClones++;
      return clone(this.ownerDocument || this, this, deep as boolean);
    };
    installed = true;
  } catch {
    installed = false;
  }
  return installed;
}

/** Test-only: xmldom's own clone and the fast copy of `node`, once installed. */
export function cloneBothWays(node: XNode, deep: boolean): [XNode, XNode] | undefined {
  return both?.(node, deep);
}

/** Clones done by the fast copy since process start (tests read it). */
export function fastCloneCount(): number {
  return fastClones;
}
