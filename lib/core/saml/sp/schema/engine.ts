/**
 * Validates a DOM against a {@link SchemaTable}. Content models are matched greedily, which is exact for
 * the deterministic models XML Schema's Unique Particle Attribution rule guarantees (XSD 1.0 part 1,
 * §3.8.6 "Unique Particle Attribution").
 */
import { NodeType, NS, textOf } from '../xml';
import { checkSimple, key, type ElementDecl, type Particle, type SchemaTable } from './model';

export class SchemaViolation extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'SchemaViolation';
  }
}

/** The table's own key strings by namespace and local name (built once per table; never grows). */
const keysOf = new WeakMap<SchemaTable, Map<string, Map<string, string>>>();
function keyIndex(table: SchemaTable): Map<string, Map<string, string>> {
  let index = keysOf.get(table);
  if (!index) {
    index = new Map();
    for (const k of Object.keys(table)) {
      const close = k.lastIndexOf('}');
      const ns = k.slice(1, close);
      if (!index.has(ns)) index.set(ns, new Map());
      index.get(ns)?.set(k.slice(close + 1), k);
    }
    keysOf.set(table, index);
  }
  return index;
}

/** `key(namespace, local name)` of `el`, taken from the table's own keys when it is one of them. */
function nameOf(el: Element, table: SchemaTable): string {
  const ns = el.namespaceURI ?? '';
  const local = el.localName ?? el.nodeName;
  return keyIndex(table).get(ns)?.get(local) ?? key(ns, local);
}

/** `/Response/Assertion/…` down to `el`: built only for an error message. */
function pathOf(el: Element): string {
  let path = '';
  for (let n: Node | null = el; n && n.nodeType === NodeType.element; n = n.parentNode) path = `/${(n as Element).localName}${path}`;
  return path;
}

/** The required attribute names of a declaration, in declaration order (computed once per declaration). */
const requiredNames = new WeakMap<ElementDecl, string[]>();
function requiredOf(decl: ElementDecl): string[] {
  let names = requiredNames.get(decl);
  if (!names) {
    names = Object.entries(decl.attrs ?? {})
      .filter(([, ad]) => ad.required)
      .map(([name]) => name);
    requiredNames.set(decl, names);
  }
  return names;
}

function checkAttributes(el: Element, decl: ElementDecl): void {
  const required = requiredOf(decl);
  const seen: string[] = [];
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i) as Attr;
    if (a.namespaceURI === NS.xmlns || a.name === 'xmlns' || a.prefix === 'xmlns') continue;
    if (a.namespaceURI) {
      if (decl.otherAttrs && a.namespaceURI !== el.namespaceURI) continue;
      throw new SchemaViolation(pathOf(el), `attribute {${a.namespaceURI}}${a.localName} not allowed`);
    }
    const ad = decl.attrs?.[a.name];
    if (!ad) throw new SchemaViolation(pathOf(el), `attribute ${a.name} not allowed`);
    if (!checkSimple(ad.type, a.value)) throw new SchemaViolation(pathOf(el), `attribute ${a.name} is not a valid ${ad.type}`);
    if (required.length > 0) seen.push(a.name);
  }
  for (const name of required) {
    if (!seen.includes(name)) throw new SchemaViolation(pathOf(el), `attribute ${name} is required`);
  }
}

/** Children of an element-only or empty element: elements, plus whitespace, comments and PIs. */
function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === NodeType.element) out.push(n as Element);
    else if ((n.nodeType === NodeType.text || n.nodeType === NodeType.cdata) && /\S/.test(n.nodeValue ?? '')) {
      throw new SchemaViolation(pathOf(el), 'text is not allowed here');
    } else if (n.nodeType !== NodeType.text && n.nodeType !== NodeType.comment && n.nodeType !== NodeType.pi) {
      throw new SchemaViolation(pathOf(el), `node type ${n.nodeType} is not allowed here`);
    }
  }
  return out;
}

function matches(p: Particle, name: string): boolean {
  return 'el' in p ? p.el === name : p.choice.includes(name);
}

/** `names[i]` is the key of `kids[i]`. */
function matchSequence(names: string[], model: Particle[], el: Element): void {
  let i = 0;
  for (const p of model) {
    const min = p.min ?? 1;
    const max = p.max ?? 1;
    let n = 0;
    while (n < max && i < names.length && matches(p, names[i] as string)) {
      n++;
      i++;
    }
    if (n < min) {
      const want = 'el' in p ? p.el : p.choice.join(' | ');
      throw new SchemaViolation(pathOf(el), `expected ${want}${i < names.length ? `, found ${names[i]}` : ''}`);
    }
  }
  if (i < names.length) throw new SchemaViolation(pathOf(el), `unexpected element ${names[i]}`);
}

function validateElement(el: Element, name: string, table: SchemaTable): void {
  const decl = table[name];
  if (!decl) throw new SchemaViolation(pathOf(el), `element ${name} is not allowed`);
  checkAttributes(el, decl);
  const { content } = decl;
  if (content === 'skip') return;
  if (content === 'empty' || Array.isArray(content)) {
    const kids = elementChildren(el);
    const names = kids.map((k) => nameOf(k, table));
    matchSequence(names, content === 'empty' ? [] : content, el);
    for (let i = 0; i < kids.length; i++) validateElement(kids[i] as Element, names[i] as string, table);
  } else {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === NodeType.element) throw new SchemaViolation(pathOf(el), 'child elements are not allowed here');
    }
    if (!checkSimple(content, textOf(el))) throw new SchemaViolation(pathOf(el), `text is not a valid ${content}`);
  }
  const problem = decl.check?.(el);
  if (problem) throw new SchemaViolation(pathOf(el), problem);
}

/** Validates `doc` whose root must be `rootKey`. Throws {@link SchemaViolation} on the first problem. */
export function validateDocument(doc: Document, table: SchemaTable, rootKey: string): void {
  const root = doc.documentElement;
  if (!root || nameOf(root, table) !== rootKey) throw new SchemaViolation('', `root element must be ${rootKey}`);
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    const blank = n.nodeType === NodeType.text && !/\S/.test(n.nodeValue ?? '');
    if (n !== root && !blank && n.nodeType !== NodeType.comment && n.nodeType !== NodeType.pi) {
      throw new SchemaViolation('', `node type ${n.nodeType} is not allowed outside the root element`);
    }
  }
  validateElement(root, nameOf(root, table), table);
}
