/**
 * Reads a config text's YAML document (JSON is YAML). js-yaml, not the `yaml` package that writes config
 * text (edit.ts, export.ts): on a 5,000-rule config (700 KB) it reads in 50–150 ms where `yaml` took
 * 400–600 ms (issue 15 §4), and an instance reads each revision it adopts on the issuance path. Both
 * implement YAML 1.2's core schema, so what one writes the other reads back unchanged (edit.test.ts):
 * no timestamps, no `<<` merge keys, no `!!binary`; a duplicate key is an error, not a silent override.
 *
 * js-yaml shares an aliased node (`*ref`) instead of copying it, and counts aliases, not what they expand
 * to: nine nested levels of ten aliases each (a "billion laughs") parse in microseconds, then every walk
 * of the document (the control-character check, the schema) would visit 10^9 values. So the expanded size
 * is measured first, once per shared node, and a document larger than MAX_EXPANDED_VALUES is refused.
 */
import { load } from 'js-yaml';

/** Values (scalars, lists, maps) a config may hold with its aliases expanded: a 5,000-rule config has ~60,000. */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** js-yaml's own limit on nesting, stated so the size walk below can recurse without a stack overflow. */
const MAX_DEPTH = 100;

/** The document `text` holds; throws (any error) when it is not YAML or expands beyond the limit. */
export function loadYamlDocument(text: string): unknown {
  const doc = load(text, { maxDepth: MAX_DEPTH });
  if (expandedSize(doc) > MAX_EXPANDED_VALUES) {
    throw new Error(`its aliases expand it beyond ${MAX_EXPANDED_VALUES.toLocaleString('en')} values`);
  }
  return doc;
}

/** How many values `root` holds counting every alias in full, or more than the limit: stops once past it. */
export function expandedSize(root: unknown): number {
  const sizes = new Map<object, number>();
  const size = (value: unknown): number => {
    if (value === null || typeof value !== 'object') return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    // While its children are counted, a node that contains itself reads as too big.
    sizes.set(value, MAX_EXPANDED_VALUES + 1);
    let total = 1;
    for (const child of Object.values(value)) {
      total += size(child);
      if (total > MAX_EXPANDED_VALUES) break;
    }
    sizes.set(value, total);
    return total;
  };
  return size(root);
}
