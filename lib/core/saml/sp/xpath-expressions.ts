/**
 * The expression-level half of xpath-compile.ts: what a predicate compares (string literals, template
 * parameters, `local-name()`, `name()`, `namespace-uri()` of the context node) and the library's own node
 * tests. Read from the library's own AST (xpath 0.0.33 / 0.0.34); anything else is undefined (not compiled).
 */
import { nameFunction, type Accept, type Ctx, type Lib, type StrFn, type XNode } from './xpath-axes';

export class ExpressionCompiler {
  protected readonly A: Record<string, number>;
  /** Sentinel literals that stand for the parameters of a template while it is compiled. */
  protected params: string[] = [];

  constructor(
    protected readonly L: Lib,
    protected readonly version: string,
  ) {
    this.A = L.Step;
  }

  /** A PathExpr that is only a filter expression (a literal or a function call), else undefined. */
  protected filterOnly(e: XNode): XNode {
    if (!e || e.constructor !== this.L.PathExpr || e.filter == null || e.locationPath != null) return undefined;
    if (e.filterPredicates != null && (!Array.isArray(e.filterPredicates) || e.filterPredicates.length > 0)) return undefined;
    return e.filter;
  }

  /** node(): the library's own test, kept as one function so the `//` fusion can recognise it. */
  private anyNodeTest?: Accept;
  protected get anyNode(): Accept {
    this.anyNodeTest ??= this.typeTest(this.L.NodeTest.nodeTest);
    return this.anyNodeTest;
  }

  /** A type-only test (`*`, `node()`, `text()`, `comment()`): its answer for an element taken once from the library. */
  private typeTest(t: XNode): Accept {
    const element = !!t.matches({ nodeType: 1, nodeName: 'probe', localName: 'probe' }, { caseInsensitive: false });
    return (n, c) => (n.nodeType === 1 ? element : !!t.matches(n, c));
  }

  /** The library's own NodeTest.matches for the supported tests (type-only tests look at nodeType alone). */
  protected nodeTest(t: XNode): Accept | undefined {
    const T = this.L.NodeTest;
    if (t === T.nodeTest) return this.anyNode;
    if (t === T.nameTestAny || t === T.textTest || t === T.commentTest) return this.typeTest(t);
    if (!!t && t.constructor === T.NameTestQName && t.prefix == null && typeof t.localName === 'string') return (n, c) => !!t.matches(n, c);
    return undefined;
  }

  /** For `local-name()` / `local-name(.)`: the node it names (or null), else undefined. */
  protected localNameOf(e: XNode): ((n: XNode, c: Ctx) => XNode) | undefined {
    const f = this.filterOnly(e);
    if (!f || f.constructor !== this.L.FunctionCall || f.functionName !== 'local-name' || !Array.isArray(f.arguments)) return undefined;
    if (f.arguments.length === 0) return (n) => n;
    if (f.arguments.length !== 1 || !this.isDot(f.arguments[0])) return undefined;
    const isNode = this.anyNode;
    return (n, c) => (isNode(n, c) ? n : null);
  }

  /** The value of a constant string literal (not a template parameter), else undefined. */
  protected literal(e: XNode): string | undefined {
    const f = this.filterOnly(e);
    if (!f || f.constructor !== this.L.XString) return undefined;
    const s = String(f.str);
    return this.params.includes(s) ? undefined : s;
  }

  /** A string literal, or local-name / name / namespace-uri of the context node (no argument or `.`). */
  protected str(e: XNode): StrFn | undefined {
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
      const isNode = this.anyNode;
      // `.` is self::node(): the context node when node() matches it, else the empty set (first() = null).
      return (n, c) => impl(isNode(n, c) ? n : null);
    }
    return undefined;
  }

  protected isDot(e: XNode): boolean {
    const L = this.L;
    if (!e || e.constructor !== L.PathExpr || e.filter != null) return false;
    const lp = e.locationPath;
    if (!lp || lp.constructor !== L.LocationPath || lp.absolute || !Array.isArray(lp.steps) || lp.steps.length !== 1) return false;
    const s = lp.steps[0];
    return s.constructor === L.Step && s.axis === this.A.SELF && s.nodeTest === L.NodeTest.nodeTest && s.predicates.length === 0;
  }
}
