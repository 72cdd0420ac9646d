/**
 * Reads a config text's YAML document (JSON is YAML). js-yaml, not the `yaml` package that writes config
 * text (edit.ts, export.ts): on a 5,000-rule config (700 KB) it reads in 50–150 ms where `yaml` took
 * 400–600 ms (issue 15 §4), and an instance reads each revision it adopts on the issuance path. Both
 * implement YAML 1.2's core schema, so what one writes the other reads back unchanged (yaml-text.test.ts):
 * no timestamps, no `<<` merge keys, no `!!binary`; a duplicate key is an error, not a silent override.
 *
 * js-yaml shares an aliased node (`*ref`) instead of copying it, and limits aliases and nesting in the
 * text, not in what they expand to: nine nested levels of ten aliases each (a "billion laughs") parse in
 * microseconds, then every walk of the document (the control-character check, the schema) would visit
 * 10^9 values, and a chain of aliases to deeply nested lists would nest beyond any stack. So the expanded
 * document is measured first, once per shared node, and refused beyond MAX_EXPANDED_VALUES values or
 * MAX_DEPTH levels.
 */
import { load } from 'js-yaml';

/** Values (scalars, lists, maps) a config may hold with its aliases expanded: a 5,000-rule config has ~43,000. */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** Levels of nesting, in the text (js-yaml's own limit) and once aliases are expanded. A config uses about 6. */
export const MAX_DEPTH = 100;

interface Shape {
  values: number;
  depth: number;
}

const TOO_BIG: Shape = { values: MAX_EXPANDED_VALUES + 1, depth: MAX_DEPTH + 1 };

/** The document `text` holds; throws (any error) when it is not YAML or its expansion is beyond the limits. */
export function loadYamlDocument(text: string): unknown {
  const doc = load(text, { maxDepth: MAX_DEPTH });
  const { values, depth } = expandedShape(doc);
  if (values > MAX_EXPANDED_VALUES) throw new Error(`its aliases expand it beyond ${MAX_EXPANDED_VALUES.toLocaleString('en')} values`);
  if (depth > MAX_DEPTH) throw new Error(`its aliases nest it deeper than ${MAX_DEPTH} levels`);
  return doc;
}

/**
 * How many values `root` holds and how deep it nests, counting every alias in full; once past either
 * limit, some figure beyond it (the walk stops there, so it never recurses deeper than MAX_DEPTH + 1).
 */
export function expandedShape(root: unknown): Shape {
  const known = new Map<object, Shape>();
  const measure = (value: unknown, level: number): Shape => {
    if (value === null || typeof value !== 'object') return { values: 1, depth: 0 };
    if (level > MAX_DEPTH) return TOO_BIG;
    const seen = known.get(value);
    if (seen) return seen;
    // While its children are measured, a node that contains itself reads as too big.
    known.set(value, TOO_BIG);
    const shape = { values: 1, depth: 0 };
    for (const child of Object.values(value)) {
      const inner = measure(child, level + 1);
      shape.values += inner.values;
      shape.depth = Math.max(shape.depth, inner.depth + 1);
      if (shape.values > MAX_EXPANDED_VALUES || shape.depth > MAX_DEPTH) break;
    }
    known.set(value, shape);
    return shape;
  };
  return measure(root, 0);
}
