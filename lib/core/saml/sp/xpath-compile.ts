/**
 * Compiles the library's own XPath AST (xpath 0.0.33 / 0.0.34) to plain DOM walks, for the subset samlify
 * 2.13.1 and xml-crypto 6.3.2 use (see xpath-fast.ts for the subset and how it is installed). The node
 * tests are the library's own `NodeTest.matches`; the axis walks are the library's loops (xpath-axes.ts);
 * a result whose document order is not known by construction is sorted by the library's own `XNodeSet`.
 * Anything outside the subset compiles to null and stays with the library.
 */
import { FLAT, orderAfter, someOnAxis, walkAxis, type BoolFn, type Ctx, type Lib, type Order, type Step, type StrFn, type XNode } from './xpath-axes';
import { ExpressionCompiler } from './xpath-expressions';

/** A location path: its nodes, unsorted; `order` (when given) receives what is known of their order. */
export type PathFn = (node: XNode, ctx: Ctx, order?: { value: Order }) => XNode[];

export interface Compiled {
  kind: 'nodes' | 'string';
  run: PathFn;
}

export class Compiler extends ExpressionCompiler {
  private readonly stringForNode: (n: XNode) => unknown;

  constructor(L: Lib, version: string) {
    super(L, version);
    const probe = new L.XNodeSet();
    // XNodeSet.stringForNode; its attribute branch inlined (an attribute is none of the container types).
    this.stringForNode = (n) => (n.nodeType === 2 ? n.value || n.nodeValue : probe.stringForNode(n));
  }

  /** A template: `parsed` is the library's AST of an expression whose string literals `sentinels` are read from `ctx.params`. */
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
    if (!parsed || parsed.constructor !== this.L.XPath) return null;
    const e = parsed.expression;
    const nodes = this.path(e);
    if (nodes) return { kind: 'nodes', run: nodes };
    const f = this.filterOnly(e);
    if (f && f.constructor === this.L.FunctionCall && f.functionName === 'string' && f.arguments.length === 1) {
      const arg = this.path(f.arguments[0]);
      if (arg) return { kind: 'string', run: arg };
    }
    return null;
  }

  /** The compiled steps of a location path (PathExpr without filter), or undefined. */
  private steps(e: XNode): { steps: Step[]; absolute: boolean } | undefined {
    const { L, A } = this;
    if (!e || e.constructor !== L.PathExpr || e.filter != null) return undefined;
    const lp = e.locationPath;
    if (!lp || lp.constructor !== L.LocationPath || !Array.isArray(lp.steps)) return undefined;
    const steps: Step[] = [];
    for (const s of lp.steps) {
      if (!s || s.constructor !== L.Step) return undefined;
      if (![A.SELF, A.CHILD, A.ATTRIBUTE, A.DESCENDANT, A.DESCENDANTORSELF].includes(s.axis)) return undefined;
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
      const previous = steps[steps.length - 1];
      // `//x[p]` is descendant-or-self::node()/child::x[p]; with position-free predicates that is the node set
      // descendant::x[p] (XPath 1.0 §2.5), walked once instead of once per node.
      if (s.axis === A.CHILD && previous && previous.axis === A.DESCENDANTORSELF && !previous.pred && previous.accept === this.anyNode) {
        steps[steps.length - 1] = { axis: A.DESCENDANT as number, accept, pred };
      } else {
        steps.push({ axis: s.axis, accept, pred });
      }
    }
    return { steps, absolute: !!lp.absolute };
  }

  /** A location path (PathExpr without filter): the nodes it selects, unsorted. */
  private path(e: XNode): PathFn | undefined {
    const compiled = this.steps(e);
    if (!compiled) return undefined;
    const { steps, absolute } = compiled;
    const { A } = this;
    const getRoot = this.L.PathExpr.getRoot;
    return (node, ctx, order) => {
      let nodes: XNode[] = absolute ? [getRoot(ctx, [node])] : [node];
      let known: Order = FLAT;
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i] as Step;
        const out: XNode[] = [];
        for (let j = 0; j < nodes.length; j++) walkAxis(A, step, nodes[j], ctx, out);
        known = orderAfter(A, step.axis, known, nodes.length);
        nodes = out;
      }
      if (order) order.value = known;
      return nodes;
    };
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
    if (e.constructor === L.EqualsOperation) return this.equals(e);
    const f = this.filterOnly(e);
    if (f && f.constructor === L.FunctionCall && f.functionName === 'contains' && f.arguments.length === 2) {
      const a = this.str(f.arguments[0]);
      const b = this.str(f.arguments[1]);
      if (a && b) return (n, c) => a(n, c).indexOf(b(n, c)) !== -1;
    }
    return undefined;
  }

  /** `a = b` of two strings, or of a node set and a string (true when any node's string-value equals it, XPath 1.0 §3.4). */
  private equals(e: XNode): BoolFn | undefined {
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
    if (rs && this.steps(e.lhs)) return this.someEquals(e.lhs, rs);
    if (ls && this.steps(e.rhs)) return this.someEquals(e.rhs, ls);
    return undefined;
  }

  /** A node set compared with a string. A one-step relative path is walked with an early exit. */
  private someEquals(setExpr: XNode, s: StrFn): BoolFn {
    const stringForNode = this.stringForNode;
    const { steps, absolute } = this.steps(setExpr) as { steps: Step[]; absolute: boolean };
    const only = steps[0];
    if (!absolute && steps.length === 1 && only) {
      const A = this.A;
      return (n, c) => {
        const want = s(n, c);
        return someOnAxis(A, only, n, c, (m) => String(stringForNode(m)) === want);
      };
    }
    const set = this.path(setExpr) as PathFn;
    return (n, c) => {
      const want = s(n, c);
      const nodes = set(n, c);
      for (let i = 0; i < nodes.length; i++) if (String(stringForNode(nodes[i])) === want) return true;
      return false;
    };
  }

}
