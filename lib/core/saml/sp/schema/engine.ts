/**
 * Validates a DOM against a {@link SchemaTable}. Content models are matched greedily, which is exact for
 * the deterministic models XML Schema's Unique Particle Attribution rule guarantees (XSD 1.0 part 1,
 * §3.8.6 "Unique Particle Attribution").
 */
import { NodeType, NS } from '../xml';
import { checkSimple, key, type ElementDecl, type Particle, type SchemaTable } from './model';

export class SchemaViolation extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'SchemaViolation';
  }
}

function nameOf(el: Element): string {
  return key(el.namespaceURI ?? '', el.localName ?? el.nodeName);
}

function checkAttributes(el: Element, decl: ElementDecl, path: string): void {
  const seen = new Set<string>();
  for (const a of Array.from(el.attributes)) {
    if (a.namespaceURI === NS.xmlns || a.name === 'xmlns' || a.prefix === 'xmlns') continue;
    if (a.namespaceURI) {
      if (decl.otherAttrs && a.namespaceURI !== el.namespaceURI) continue;
      throw new SchemaViolation(path, `attribute {${a.namespaceURI}}${a.localName} not allowed`);
    }
    const ad = decl.attrs?.[a.name];
    if (!ad) throw new SchemaViolation(path, `attribute ${a.name} not allowed`);
    if (!checkSimple(ad.type, a.value)) throw new SchemaViolation(path, `attribute ${a.name} is not a valid ${ad.type}`);
    seen.add(a.name);
  }
  for (const [name, ad] of Object.entries(decl.attrs ?? {})) {
    if (ad.required && !seen.has(name)) throw new SchemaViolation(path, `attribute ${name} is required`);
  }
}

/** Children of an element-only or empty element: elements, plus whitespace, comments and PIs. */
function elementChildren(el: Element, path: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === NodeType.element) out.push(n as Element);
    else if ((n.nodeType === NodeType.text || n.nodeType === NodeType.cdata) && /\S/.test(n.nodeValue ?? '')) {
      throw new SchemaViolation(path, 'text is not allowed here');
    } else if (n.nodeType !== NodeType.text && n.nodeType !== NodeType.comment && n.nodeType !== NodeType.pi) {
      throw new SchemaViolation(path, `node type ${n.nodeType} is not allowed here`);
    }
  }
  return out;
}

function matches(p: Particle, name: string): boolean {
  return 'el' in p ? p.el === name : p.choice.includes(name);
}

function matchSequence(kids: Element[], model: Particle[], path: string): void {
  let i = 0;
  for (const p of model) {
    const min = p.min ?? 1;
    const max = p.max ?? 1;
    let n = 0;
    while (n < max && i < kids.length && matches(p, nameOf(kids[i] as Element))) {
      n++;
      i++;
    }
    if (n < min) {
      const want = 'el' in p ? p.el : p.choice.join(' | ');
      throw new SchemaViolation(path, `expected ${want}${i < kids.length ? `, found ${nameOf(kids[i] as Element)}` : ''}`);
    }
  }
  if (i < kids.length) throw new SchemaViolation(path, `unexpected element ${nameOf(kids[i] as Element)}`);
}

function validateElement(el: Element, table: SchemaTable, parentPath: string): void {
  const name = nameOf(el);
  const path = `${parentPath}/${el.localName}`;
  const decl = table[name];
  if (!decl) throw new SchemaViolation(path, `element ${name} is not allowed`);
  checkAttributes(el, decl, path);
  const { content } = decl;
  if (content === 'skip') return;
  if (content === 'empty' || Array.isArray(content)) {
    const kids = elementChildren(el, path);
    matchSequence(kids, content === 'empty' ? [] : content, path);
    for (const k of kids) validateElement(k, table, path);
  } else {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === NodeType.element) throw new SchemaViolation(path, 'child elements are not allowed here');
    }
    if (!checkSimple(content, el.textContent ?? '')) throw new SchemaViolation(path, `text is not a valid ${content}`);
  }
  const problem = decl.check?.(el);
  if (problem) throw new SchemaViolation(path, problem);
}

/** Validates `doc` whose root must be `rootKey`. Throws {@link SchemaViolation} on the first problem. */
export function validateDocument(doc: Document, table: SchemaTable, rootKey: string): void {
  const root = doc.documentElement;
  if (!root || nameOf(root) !== rootKey) throw new SchemaViolation('', `root element must be ${rootKey}`);
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    const blank = n.nodeType === NodeType.text && !/\S/.test(n.nodeValue ?? '');
    if (n !== root && !blank && n.nodeType !== NodeType.comment && n.nodeType !== NodeType.pi) {
      throw new SchemaViolation('', `node type ${n.nodeType} is not allowed outside the root element`);
    }
  }
  validateElement(root, table, '');
}
