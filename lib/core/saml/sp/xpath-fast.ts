/**
 * XPath without the interpreter overhead, for the two `xpath` module instances samlify 2.13.1 (xpath 0.0.34)
 * and xml-crypto 6.3.2 (its own nested xpath 0.0.33) load. Profiled on a 3.9 KB signed response, their
 * `select` calls were ~47 % of the CPU time of a validation: `selectWithResolver` builds a new parser and
 * re-parses the expression on every call, and every step of every predicate copies the evaluation context
 * and builds a fresh FunctionResolver with all 27 standard functions, so one `//*[@*[local-name(.)='ID']=…]`
 * over a 34-element document cost ~0.5 ms.
 *
 * What this installs, once per process, per instance, on the module's own `selectWithResolver` (which its
 * `select`, `select1` and `useNamespaces` call at call time):
 *
 * 1. An expression memo (bounded, two generations, keyed by the exact expression string): the library's own parser
 *    runs once per distinct string; its AST is immutable (no `evaluate` writes to it), so it is shared.
 *    The same memo backs `XPathParser.prototype.parse`, so every other entry point parses once too.
 * 2. A compiled fast path for the AST subset samlify and xml-crypto use: location paths on the self,
 *    child, attribute, descendant and descendant-or-self axes with `*`, unprefixed name, `text()`,
 *    `comment()` and `node()` tests; position-independent predicates made of `or`, `and`, `=`, `contains()`,
 *    `local-name()`, `name()`, `namespace-uri()` (no argument or `.`), string literals, and relative paths
 *    compared with a literal; and `string(path)` at the top. The AST is the library's; the node tests are
 *    the library's own `NodeTest.matches`; the axis walks are the library's loops, copied; the final
 *    de-duplication and document-order sort is the library's own `XNodeSet`. What differs is only that no
 *    context objects, resolvers or intermediate node sets are built. Any other expression, any context
 *    that is not a DOM node, and any exception in the fast path go to the library unchanged.
 *
 * Nothing per request is cached: the memo maps an expression string to code, never to a result, so no
 * response can see another's data. xml-crypto puts the reference URI into its ID lookups
 * (`//*[@*[local-name(.)='ID']='_abc…']`, one distinct string per response and attribute name): those are
 * recognised by ID_LOOKUP and run through one template compiled at install (its two literals read from the
 * call), so they are neither parsed per response nor kept in the memo.
 *
 * Only the two versions above are touched (checked against each package.json); any other version is left
 * alone. xpath-fast.test.ts pins the versions, the hits, and equality with the library on a corpus
 * (including every context node of every document); `setXPathShadowCheck` re-runs every fast answer
 * through the library and throws on any difference (used by the tests and the attack suite check).
 */
import { samlifyXPath, xmlCryptoXPath, type Loaded } from './engine-internals';

/* eslint-disable @typescript-eslint/no-explicit-any -- the xpath library is untyped JavaScript internals. */
type XNode = any;
type Lib = any;
interface Ctx {
  caseInsensitive: unknown;
  /** The literals of a template expression (see ID_LOOKUP). */
  params?: string[];
}
type NodesFn = (node: XNode, ctx: Ctx) => XNode[];
type StrFn = (node: XNode, ctx: Ctx) => string;
type BoolFn = (node: XNode, ctx: Ctx) => boolean;
type Accept = (node: XNode, ctx: Ctx) => boolean;
interface Step {
  axis: number;
  accept: Accept;
  pred?: BoolFn;
}
type Select = (e: unknown, doc: unknown, resolver: unknown, single?: boolean) => unknown;

interface Compiled {
  kind: 'nodes' | 'string';
  run: NodesFn;
}
interface MemoEntry {
  parsed: unknown;
  /** undefined: not compiled yet; null: outside the supported subset. */
  fast?: Compiled | null;
}

export const SUPPORTED_XPATH_VERSIONS = ['0.0.33', '0.0.34'] as const;
/** Distinct expressions kept per module instance (~45 constant ones are in use; ID lookups are not kept). */
export const MAX_XPATH_EXPRESSIONS = 256;

export interface XPathStats {
  /** select calls answered by the compiled fast path. */
  fast: number;
  /** select calls the library answered itself (unsupported expression or context). */
  library: number;
  /** xml-crypto ID lookups answered by the compiled template (no parse). */
  templateHits: number;
  /** Expression parses served from / added to the memo. */
  parseHits: number;
  parseMisses: number;
  /** Fast answers re-checked against the library (shadow mode). */
  shadowChecked: number;
}

const memoSizes: Array<() => number> = [];
const stats: XPathStats = { fast: 0, library: 0, templateHits: 0, parseHits: 0, parseMisses: 0, shadowChecked: 0 };

/** `//*[@*[local-name(.)='ID']='_abc…']`: xml-crypto 6.3.2 SignedXml.validateReference, for ID, Id and id. */
export const ID_LOOKUP = /^\/\/\*\[@\*\[local-name\(\.\)='([^']*)'\]='([^']*)'\]$/;
let shadow = false;

export interface XPathInstance {
  owner: string;
  version?: string;
  installed: boolean;
}
let instances: XPathInstance[] | undefined;

/** Same test as xpath 0.0.34's isNodeLike, minus its own namespace-node type (those go to the library). */
function isDomNode(n: XNode): boolean {
  return !!n && Number.isInteger(n.nodeType) && n.nodeType >= 1 && n.nodeType <= 11 && typeof n.nodeName === 'string';
}

/** XPathExpression.detectHtmlDom (identical in 0.0.33 and 0.0.34): xmldom's hasFeature() answers true. */
function detectHtmlDom(n: XNode): unknown {
  if (!n) return false;
  const doc = n.nodeType === 9 ? n : n.ownerDocument;
  try {
    return doc.implementation.hasFeature('HTML', '2.0');
  } catch {
    return true;
  }
}

class Compiler {
  private readonly A: Record<string, number>;
  private readonly stringForNode: (n: XNode) => unknown;

  constructor(
    private readonly L: Lib,
    private readonly version: string,
  ) {
    this.A = L.Step;
    const probe = new L.XNodeSet();
    // XNodeSet.stringForNode; its attribute branch inlined (an attribute is none of the container types).
    this.stringForNode = (n) => (n.nodeType === 2 ? n.value || n.nodeValue : probe.stringForNode(n));
  }

  /** Sentinel literals that stand for the parameters of a template while it is compiled. */
  private params: string[] = [];

  /**
   * A template: `parsed` is the library's AST of an expression whose string literals `sentinels` are read
   * from `ctx.params` at run time instead.
   */
  compileTemplate(parsed: XNode, sentinels: string[]): Compiled | null {
    this.params = sentinels;
    try {
      return this.compile(parsed);
    } finally {
      this.params = [];
    }
  }

  /** The top-level expression of a parsed XPath, or null when it is outside the subset. */
  compile(parsed: XNode): Compiled | null {
    const L = this.L;
    if (!parsed || parsed.constructor !== L.XPath) return null;
    const e = parsed.expression;
    const nodes = this.path(e);
    if (nodes) return { kind: 'nodes', run: nodes };
    const f = this.filterOnly(e);
    if (f && f.constructor === L.FunctionCall && f.functionName === 'string' && f.arguments.length === 1) {
      const arg = this.path(f.arguments[0]);
      if (arg) return { kind: 'string', run: arg };
    }
    return null;
  }

  /** A PathExpr that is only a filter expression (a literal or a function call), else undefined. */
  private filterOnly(e: XNode): XNode {
    const L = this.L;
    if (!e || e.constructor !== L.PathExpr || e.filter == null || e.locationPath != null) return undefined;
    if (e.filterPredicates != null && (!Array.isArray(e.filterPredicates) || e.filterPredicates.length > 0)) return undefined;
    return e.filter;
  }

  /** A location path (PathExpr without filter): the nodes it selects, unsorted, maybe with duplicates. */
  private path(e: XNode): NodesFn | undefined {
    const L = this.L;
    if (!e || e.constructor !== L.PathExpr || e.filter != null) return undefined;
    const lp = e.locationPath;
    if (!lp || lp.constructor !== L.LocationPath || !Array.isArray(lp.steps)) return undefined;
    const steps: Step[] = [];
    for (const s of lp.steps) {
      if (!s || s.constructor !== L.Step) return undefined;
      if (![this.A.SELF, this.A.CHILD, this.A.ATTRIBUTE, this.A.DESCENDANT, this.A.DESCENDANTORSELF].includes(s.axis)) return undefined;
      const accept = this.nodeTest(s.nodeTest);
      if (!accept || !Array.isArray(s.predicates)) return undefined;
      // Every predicate yields a boolean, so position() plays no part and they can be tested during the walk
      // (the library filters each context node's step result by each predicate in turn: the same set).
      let pred: BoolFn | undefined;
      for (const p of s.predicates) {
        const b = this.bool(p);
        if (!b) return undefined;
        const before = pred;
        pred = before ? (n, c) => before(n, c) && b(n, c) : b;
      }
      steps.push({ axis: s.axis, accept, pred });
    }
    const absolute = !!lp.absolute;
    const { A } = this;
    const getRoot = L.PathExpr.getRoot;
    return (node, ctx) => {
      let nodes: XNode[] = absolute ? [getRoot(ctx, [node])] : [node];
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i] as Step;
        const out: XNode[] = [];
        for (let j = 0; j < nodes.length; j++) walkAxis(A, step, nodes[j], ctx, out);
        nodes = out;
      }
      return nodes;
    };
  }

  /**
   * The library's own NodeTest.matches for the supported tests. The type-only tests (`*`, `node()`,
   * `text()`, `comment()`) look at nodeType alone, so their answer for an element is taken once from the
   * library and reused; every other node, and every name test, asks the library.
   */
  private nodeTest(t: XNode): Accept | undefined {
    const T = this.L.NodeTest;
    if (t === T.nameTestAny || t === T.textTest || t === T.commentTest || t === T.nodeTest) {
      const element = !!t.matches({ nodeType: 1, nodeName: 'probe', localName: 'probe' }, { caseInsensitive: false });
      return (n, c) => (n.nodeType === 1 ? element : !!t.matches(n, c));
    }
    if (!!t && t.constructor === T.NameTestQName && t.prefix == null && typeof t.localName === 'string') return (n, c) => !!t.matches(n, c);
    return undefined;
  }

  /** A predicate that yields an XBoolean (so position() never applies): or, and, =, contains(). */
  private bool(e: XNode): BoolFn | undefined {
    const L = this.L;
    if (!e) return undefined;
    if (e.constructor === L.OrOperation || e.constructor === L.AndOperation) {
      const a = this.bool(e.lhs);
      const b = this.bool(e.rhs);
      if (!a || !b) return undefined;
      return e.constructor === L.OrOperation ? (n, c) => a(n, c) || b(n, c) : (n, c) => a(n, c) && b(n, c);
    }
    if (e.constructor === L.EqualsOperation) {
      const ls = this.str(e.lhs);
      const rs = this.str(e.rhs);
      if (ls && rs) {
        const lit = this.literal(e.rhs);
        if (lit === undefined) return (n, c) => ls(n, c) === rs(n, c);
        const ln = this.localNameOf(e.lhs);
        if (!ln) return (n, c) => ls(n, c) === lit;
        // local-name() = 'lit': for a node with a non-empty string localName, Functions.localName yields
        // exactly that string; anything else takes the general path.
        return (n, c) => {
          const m = ln(n, c);
          const v = m == null ? undefined : m.localName;
          return typeof v === 'string' && v !== '' ? v === lit : ls(n, c) === lit;
        };
      }
      // A node-set compared with a string: true when any node's string-value equals it (XPath 1.0 §3.4).
      const stringForNode = this.stringForNode;
      const someEquals = (set: NodesFn, s: StrFn): BoolFn => (n, c) => {
        const want = s(n, c);
        const nodes = set(n, c);
        for (let i = 0; i < nodes.length; i++) if (String(stringForNode(nodes[i])) === want) return true;
        return false;
      };
      const lset = this.path(e.lhs);
      if (lset && rs) return someEquals(lset, rs);
      const rset = this.path(e.rhs);
      if (ls && rset) return someEquals(rset, ls);
      return undefined;
    }
    const f = this.filterOnly(e);
    if (f && f.constructor === L.FunctionCall && f.functionName === 'contains' && f.arguments.length === 2) {
      const a = this.str(f.arguments[0]);
      const b = this.str(f.arguments[1]);
      if (a && b) return (n, c) => a(n, c).indexOf(b(n, c)) !== -1;
    }
    return undefined;
  }

  /** For `local-name()` / `local-name(.)`: the node it names (or null), else undefined. */
  private localNameOf(e: XNode): ((n: XNode, c: Ctx) => XNode) | undefined {
    const f = this.filterOnly(e);
    if (!f || f.constructor !== this.L.FunctionCall || f.functionName !== 'local-name' || !Array.isArray(f.arguments)) return undefined;
    if (f.arguments.length === 0) return (n) => n;
    if (f.arguments.length !== 1 || !this.isDot(f.arguments[0])) return undefined;
    const isNode = this.nodeTest(this.L.NodeTest.nodeTest) as Accept;
    return (n, c) => (isNode(n, c) ? n : null);
  }

  /** The value of a constant string literal (not a template parameter), else undefined. */
  private literal(e: XNode): string | undefined {
    const f = this.filterOnly(e);
    if (!f || f.constructor !== this.L.XString) return undefined;
    const s = String(f.str);
    return this.params.includes(s) ? undefined : s;
  }

  /** A string literal, or local-name / name / namespace-uri of the context node (no argument or `.`). */
  private str(e: XNode): StrFn | undefined {
    const L = this.L;
    const f = this.filterOnly(e);
    if (!f) return undefined;
    if (f.constructor === L.XString) {
      const s = String(f.str);
      const param = this.params.indexOf(s);
      if (param >= 0) return (_n, c) => (c.params as string[])[param] as string;
      return () => s;
    }
    if (f.constructor !== L.FunctionCall || !Array.isArray(f.arguments)) return undefined;
    const impl = nameFunction(f.functionName, this.version);
    if (!impl) return undefined;
    if (f.arguments.length === 0) return (n) => impl(n);
    if (f.arguments.length === 1 && this.isDot(f.arguments[0])) {
      const isNode = this.nodeTest(L.NodeTest.nodeTest) as Accept;
      // `.` is self::node(): the context node when node() matches it, else the empty set (first() = null).
      return (n, c) => impl(isNode(n, c) ? n : null);
    }
    return undefined;
  }

  private isDot(e: XNode): boolean {
    const L = this.L;
    if (!e || e.constructor !== L.PathExpr || e.filter != null) return false;
    const lp = e.locationPath;
    if (!lp || lp.constructor !== L.LocationPath || lp.absolute || !Array.isArray(lp.steps) || lp.steps.length !== 1) return false;
    const s = lp.steps[0];
    return s.constructor === L.Step && s.axis === this.A.SELF && s.nodeTest === L.NodeTest.nodeTest && s.predicates.length === 0;
  }
}

/** The library's axis loops (PathExpr.applyStep, identical in 0.0.33 and 0.0.34) for the supported axes. */
function walkAxis(A: Record<string, number>, step: Step, node: XNode, ctx: Ctx, out: XNode[]): void {
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

/** Functions.localName / name / namespaceURI of the library version, on an already chosen node (or null). */
function nameFunction(name: unknown, version: string): ((n: XNode) => string) | undefined {
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

function sameResult(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Installs the memo and fast path on one xpath instance. Returns false (and changes nothing) if its shape differs. */
function install(L: Lib, version: string): boolean {
  if (L.__rolegateFastXPath) return true;
  const needed = ['XPath', 'XPathParser', 'PathExpr', 'LocationPath', 'Step', 'NodeTest', 'XString', 'FunctionCall', 'EqualsOperation', 'OrOperation', 'AndOperation', 'XNodeSet'];
  if (!needed.every((k) => typeof L[k] === 'function') || typeof L.selectWithResolver !== 'function') return false;
  if (typeof L.PathExpr.getRoot !== 'function' || typeof L.XPathParser.prototype.parse !== 'function') return false;
  const T = L.NodeTest;
  if (![T.nameTestAny, T.textTest, T.commentTest, T.nodeTest].every((t) => t && typeof t.matches === 'function') || typeof T.NameTestQName !== 'function') {
    return false;
  }

  // Bounded memo in two generations: new strings go to `young`; when it is full it becomes `old` (the previous
  // `old` is dropped), and a hit in `old` moves back to `young`. At most MAX_XPATH_EXPRESSIONS entries.
  let young = new Map<string, MemoEntry>();
  let old = new Map<string, MemoEntry>();
  const originalParse = L.XPathParser.prototype.parse as (this: unknown, s: unknown) => unknown;
  memoSizes.push(() => young.size + old.size);
  const cached = (s: string): MemoEntry | undefined => {
    let hit = young.get(s);
    if (!hit) {
      hit = old.get(s);
      if (hit) remember(s, hit);
    }
    if (hit) stats.parseHits++;
    return hit;
  };
  const remember = (s: string, entry: MemoEntry): void => {
    if (young.size >= MAX_XPATH_EXPRESSIONS / 2) {
      old = young;
      young = new Map();
    }
    young.set(s, entry);
  };
  const lookup = (parser: unknown, s: string): MemoEntry => {
    const hit = cached(s);
    if (hit) return hit;
    const entry: MemoEntry = { parsed: originalParse.call(parser, s) }; // throws exactly as before: nothing stored
    stats.parseMisses++;
    remember(s, entry);
    return entry;
  };
  L.XPathParser.prototype.parse = function parse(this: unknown, s: unknown) {
    return typeof s === 'string' ? lookup(this, s).parsed : originalParse.call(this, s);
  };

  const compiler = new Compiler(L, version);
  const probe = new L.XNodeSet();
  const stringForNode = (n: XNode): unknown => probe.stringForNode(n);
  const original = L.selectWithResolver as Select;
  const sharedParser = new L.XPathParser();
  // xml-crypto's ID lookup (SignedXml.validateReference), one distinct string per response: compiled once
  // as a template. Quotes cannot occur in either literal (xml-crypto refuses a URI with one; the pattern
  // excludes them), and the library's tokenizer reads a literal as every character up to the closing quote,
  // so the string parses to this very AST with these two literals.
  const sentinels = ['\u0000rolegate-0\u0000', '\u0000rolegate-1\u0000'];
  const idLookup = compiler.compileTemplate(originalParse.call(sharedParser, `//*[@*[local-name(.)='${sentinels[0]}']='${sentinels[1]}']`), sentinels);
  const fastSelect: Select = function selectWithResolver(e, doc, resolver, single) {
    let compiled: Compiled | null | undefined = null;
    let params: string[] | undefined;
    if (typeof e === 'string' && e && isDomNode(doc)) {
      const entry = cached(e);
      const id = entry || !idLookup ? null : ID_LOOKUP.exec(e);
      if (id) {
        compiled = idLookup;
        params = [id[1] as string, id[2] as string];
        stats.templateHits++;
      } else {
        try {
          const known = entry ?? lookup(sharedParser, e);
          if (known.fast === undefined) known.fast = compiler.compile(known.parsed);
          compiled = known.fast;
        } catch {
          compiled = null; // a parse error: the library reports it
        }
      }
    }
    if (!compiled) {
      stats.library++;
      return original(e, doc, resolver, single);
    }
    let result: unknown;
    try {
      let nodes: XNode[] = compiled.run(doc, { caseInsensitive: detectHtmlDom(doc), params });
      if (nodes.length > 1) {
        // The library's own de-duplication and document order (an XNodeSet of one node is that node).
        const ns = new L.XNodeSet();
        ns.addArray(nodes);
        nodes = ns.toArray();
      }
      if (compiled.kind === 'string') result = nodes.length === 0 ? '' : String(stringForNode(nodes[0]));
      else result = single ? nodes[0] : nodes;
    } catch {
      stats.library++;
      return original(e, doc, resolver, single);
    }
    stats.fast++;
    if (shadow) {
      stats.shadowChecked++;
      const expected = original(e, doc, resolver, single);
      if (!sameResult(result, expected)) throw new Error(`fast XPath differs from xpath ${version} for ${String(e)}`);
    }
    return result;
  };
  L.selectWithResolver = fastSelect;
  L.__rolegateFastXPath = { original, version };
  return true;
}

/** Installs on the xpath instances of samlify and xml-crypto, once per process. Returns what was done. */
export function installFastXPath(): XPathInstance[] {
  if (instances) return instances;
  const found: Array<[string, Loaded | undefined]> = [
    ['samlify', samlifyXPath()],
    ['xml-crypto', xmlCryptoXPath()],
  ];
  instances = found.map(([owner, loaded]) => {
    if (!loaded) return { owner, installed: false };
    const ok = (SUPPORTED_XPATH_VERSIONS as readonly string[]).includes(loaded.version) && install(loaded.lib, loaded.version);
    return { owner, version: loaded.version, installed: ok };
  });
  return instances;
}

/** Counters since process start (tests and the bench read them). */
export function xpathStats(): XPathStats {
  return { ...stats };
}

/** Expressions held in the memos of all instances (bounded by MAX_XPATH_EXPRESSIONS each). */
export function xpathMemoSize(): number {
  return memoSizes.reduce((n, size) => n + size(), 0);
}

/** Test-only: re-run every fast answer through the library and throw on any difference. */
export function setXPathShadowCheck(on: boolean): void {
  shadow = on;
}

/** Test-only: the library's own selectWithResolver of an instance this module installed on. */
export function librarySelect(lib: Lib): Select | undefined {
  return lib?.__rolegateFastXPath?.original;
}
