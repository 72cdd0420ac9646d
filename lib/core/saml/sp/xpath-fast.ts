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
 * 1. An expression memo (xpath-memo.ts: bounded, two generations, keyed by the exact expression string): the
 *    library's own parser runs once per distinct string; its AST is immutable (no `evaluate` writes to it),
 *    so it is shared. The same memo backs `XPathParser.prototype.parse`, so every other entry point parses
 *    once too.
 * 2. A compiled fast path (xpath-compile.ts, xpath-expressions.ts) for the AST subset samlify and
 *    xml-crypto use: location paths on the self, child, attribute, descendant and descendant-or-self axes
 *    with `*`, unprefixed name, `text()`, `comment()` and `node()` tests; position-independent predicates
 *    made of `or`, `and`, `=`, `contains()`, `local-name()`, `name()`, `namespace-uri()` (no argument or
 *    `.`), string literals, and relative paths compared with a literal; and `string(path)` at the top. The
 *    AST is the library's; the node tests are the library's own `NodeTest.matches`; the axis walks are the
 *    library's loops, copied (xpath-axes.ts); `//x[p]` is walked as the node set `descendant::x[p]`; the
 *    final de-duplication and document-order sort is the library's own `XNodeSet`, skipped only when the
 *    steps taken keep document order without duplicates by construction (xpath-axes.ts `orderAfter`).
 *    What differs is only that no context objects, resolvers or intermediate node sets are built. Any other
 *    expression, any context that is not a DOM node, and any exception in the fast path go to the library
 *    unchanged.
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
import { Compiler, type Compiled } from './xpath-compile';
import { detectHtmlDom, isDomNode, UNKNOWN, type Lib, type Order, type XNode } from './xpath-axes';
import { ExpressionMemo } from './xpath-memo';

type Select = (e: unknown, doc: unknown, resolver: unknown, single?: boolean) => unknown;

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
  /** Results of several nodes returned in an order known by construction, without the library's sort. */
  sortsSkipped: number;
  /** Fast answers re-checked against the library (shadow mode). */
  shadowChecked: number;
}

const memoSizes: Array<() => number> = [];
const stats: XPathStats = { fast: 0, library: 0, templateHits: 0, parseHits: 0, parseMisses: 0, sortsSkipped: 0, shadowChecked: 0 };

/** `//*[@*[local-name(.)='ID']='_abc…']`: xml-crypto 6.3.2 SignedXml.validateReference, for ID, Id and id. */
export const ID_LOOKUP = /^\/\/\*\[@\*\[local-name\(\.\)='([^']*)'\]='([^']*)'\]$/;
let shadow = false;

export interface XPathInstance {
  owner: string;
  version?: string;
  installed: boolean;
}
let instances: XPathInstance[] | undefined;

function sameResult(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The library classes and functions the fast path reads: false when an instance lacks one. */
function hasShape(L: Lib): boolean {
  const needed = ['XPath', 'XPathParser', 'PathExpr', 'LocationPath', 'Step', 'NodeTest', 'XString', 'FunctionCall', 'EqualsOperation', 'OrOperation', 'AndOperation', 'XNodeSet'];
  if (!needed.every((k) => typeof L[k] === 'function') || typeof L.selectWithResolver !== 'function') return false;
  if (typeof L.PathExpr.getRoot !== 'function' || typeof L.XPathParser.prototype.parse !== 'function') return false;
  const T = L.NodeTest;
  return [T.nameTestAny, T.textTest, T.commentTest, T.nodeTest].every((t) => t && typeof t.matches === 'function') && typeof T.NameTestQName === 'function';
}

/**
 * xml-crypto's ID lookup (SignedXml.validateReference), one distinct string per response: compiled once as a
 * template. Quotes cannot occur in either literal (xml-crypto refuses a URI with one; the pattern excludes
 * them), and the library's tokenizer reads a literal as every character up to the closing quote, so the
 * string parses to this very AST with these two literals.
 */
function idLookupTemplate(compiler: Compiler, parse: (s: string) => unknown): Compiled | null {
  const sentinels = ['\u0000rolegate-0\u0000', '\u0000rolegate-1\u0000'];
  return compiler.compileTemplate(parse(`//*[@*[local-name(.)='${sentinels[0]}']='${sentinels[1]}']`), sentinels);
}

/** The compiled form of `e` (and a template's literals), or null when the library must answer. */
function resolve(e: string, memo: ExpressionMemo, compiler: Compiler, idLookup: Compiled | null, parser: unknown): { compiled: Compiled | null; params?: string[] } {
  const entry = memo.get(e);
  const id = entry || !idLookup ? null : ID_LOOKUP.exec(e);
  if (id) {
    stats.templateHits++;
    return { compiled: idLookup, params: [id[1] as string, id[2] as string] };
  }
  try {
    const known = entry ?? memo.lookup(parser, e);
    if (known.fast === undefined) known.fast = compiler.compile(known.parsed);
    return { compiled: known.fast };
  } catch {
    return { compiled: null }; // a parse error: the library reports it
  }
}

/** Runs `compiled` on `doc` and shapes the answer as the library's select does. */
function answer(L: Lib, compiled: Compiled, doc: XNode, params: string[] | undefined, single: boolean | undefined, stringForNode: (n: XNode) => unknown): unknown {
  const order: { value: Order } = { value: UNKNOWN };
  let nodes: XNode[] = compiled.run(doc, { caseInsensitive: detectHtmlDom(doc), params }, order);
  if (nodes.length > 1 && order.value !== UNKNOWN) {
    stats.sortsSkipped++; // already in document order without duplicates (xpath-axes.ts orderAfter)
  } else if (nodes.length > 1) {
    // The library's own de-duplication and document order (an XNodeSet of one node is that node).
    const ns = new L.XNodeSet();
    ns.addArray(nodes);
    nodes = ns.toArray();
  }
  if (compiled.kind === 'string') return nodes.length === 0 ? '' : String(stringForNode(nodes[0]));
  return single ? nodes[0] : nodes;
}

/** Installs the memo and fast path on one xpath instance. Returns false (and changes nothing) if its shape differs. */
function install(L: Lib, version: string): boolean {
  if (L.__rolegateFastXPath) return true;
  if (!hasShape(L)) return false;
  const originalParse = L.XPathParser.prototype.parse as (this: unknown, s: unknown) => unknown;
  const memo = new ExpressionMemo(originalParse, MAX_XPATH_EXPRESSIONS, stats);
  memoSizes.push(() => memo.size);
  L.XPathParser.prototype.parse = function parse(this: unknown, s: unknown) {
    return typeof s === 'string' ? memo.lookup(this, s).parsed : originalParse.call(this, s);
  };
  const compiler = new Compiler(L, version);
  const probe = new L.XNodeSet();
  const stringForNode = (n: XNode): unknown => probe.stringForNode(n);
  const original = L.selectWithResolver as Select;
  const sharedParser = new L.XPathParser();
  const idLookup = idLookupTemplate(compiler, (s) => originalParse.call(sharedParser, s));
  L.selectWithResolver = function selectWithResolver(e: unknown, doc: unknown, resolver: unknown, single?: boolean) {
    const { compiled, params } = typeof e === 'string' && e && isDomNode(doc) ? resolve(e, memo, compiler, idLookup, sharedParser) : { compiled: null };
    let result: unknown;
    let fast = false;
    if (compiled) {
      try {
        result = answer(L, compiled, doc, params, single, stringForNode);
        fast = true;
      } catch {
        // the library answers (or throws) as it always did
      }
    }
    if (!fast) {
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
  } as Select;
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
