/**
 * The expression memo of xpath-fast.ts: the xpath library's own parser runs once per distinct expression
 * string; its AST is immutable (no `evaluate` writes to it), so it is shared, with what xpath-compile.ts made
 * of it. Bounded, in two generations: new strings go to `young`; when that is full it becomes `old` (the
 * previous `old` is dropped), and a hit in `old` moves back to `young`. It maps an expression to code, never
 * to a result: no response can see another's data.
 */
import type { Compiled } from './xpath-compile';

export interface MemoEntry {
  parsed: unknown;
  /** undefined: not compiled yet; null: outside the supported subset. */
  fast?: Compiled | null;
}

type Parse = (this: unknown, s: unknown) => unknown;

export class ExpressionMemo {
  private young = new Map<string, MemoEntry>();
  private old = new Map<string, MemoEntry>();

  constructor(
    private readonly parse: Parse,
    private readonly max: number,
    private readonly counters: { parseHits: number; parseMisses: number },
  ) {}

  /** The entry of `s` if it is held, else undefined. */
  get(s: string): MemoEntry | undefined {
    let hit = this.young.get(s);
    if (!hit) {
      hit = this.old.get(s);
      if (hit) this.remember(s, hit);
    }
    if (hit) this.counters.parseHits++;
    return hit;
  }

  /** The entry of `s`, parsing it with the library's parser (called on `parser`) when it is not held. */
  lookup(parser: unknown, s: string): MemoEntry {
    const hit = this.get(s);
    if (hit) return hit;
    const entry: MemoEntry = { parsed: this.parse.call(parser, s) }; // throws exactly as before: nothing stored
    this.counters.parseMisses++;
    this.remember(s, entry);
    return entry;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  private remember(s: string, entry: MemoEntry): void {
    if (this.young.size >= this.max / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(s, entry);
  }
}
