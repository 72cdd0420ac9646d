/**
 * samlify 2.13.1's `extract` for a field read as a group of attributes (src/extractor.ts, the
 * `attributes.length > 1` branch: `conditions` and `sessionIndex` of the login response), without its
 * round trip. samlify selects the field's elements, serializes each (`node.toString()`), parses that string
 * as a new document and reads `@*[name()='A' or name()='B']` from its root into `{ camelCase(name): value }`.
 *
 * Read here from the element itself, with samlify's own parser (for the shortcut document), its own
 * XPath `select` and its own `camelCase`. The same values, because xmldom's serializer writes every
 * attribute of the element with its name as is and its value escaped (`< > & " \t \n \r` as references the
 * parser turns back into the same characters), only adding namespace declarations (named `xmlns…`, never a
 * requested name), and the re-parse keeps the attribute order; and the same failures, because the
 * serialization of a parsed element is well-formed XML, so that parse never fails (samlify-extract.test.ts
 * compares both on a corpus of awkward values and shapes).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- samlify's field definitions and xmldom nodes, as samlify sees them. */

export interface GroupField {
  key: string;
  localPath: string[];
  attributes: string[];
  shortcut: string;
}

export interface SamlifyParts {
  parse: (xml: string) => Document;
  select: (expression: string, node: Node) => unknown;
  camelCase: (name: string) => string;
  escapeXPathValue: (value: string) => string;
}

/** A field samlify reads by its attribute-group branch: several attributes, nothing else, on a shortcut document. */
export function isGroupField(f: any): f is GroupField {
  if (!f || typeof f !== 'object' || typeof f.shortcut !== 'string' || f.context || f.index || f.attributePath) return false;
  const strings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
  return strings(f.localPath) && f.localPath.length > 0 && strings(f.attributes) && f.attributes.length > 1;
}

/** samlify's buildAbsoluteXPath for names without `~` (every path of a group field). */
function absolutePath(paths: string[], esc: (v: string) => string): string | undefined {
  if (paths.some((p) => p.startsWith('~'))) return undefined;
  return paths.map((name) => `/*[local-name(.)=${esc(name)}]`).join('');
}

/** The value samlify's extract gives `field`, or undefined when the field is not one this reads. */
export function readGroup(field: GroupField, parts: SamlifyParts): { value: unknown } | undefined {
  const base = absolutePath(field.localPath, parts.escapeXPathValue);
  if (base === undefined) return undefined;
  const selected = parts.select(base, parts.parse(field.shortcut));
  const nodes: any[] = Array.isArray(selected) ? selected : selected != null && typeof selected === 'object' && 'nodeType' in selected ? [selected] : [];
  const values = nodes.map((el) => {
    const out: Record<string, unknown> = {};
    const attrs = el.attributes;
    for (let i = 0; i < (attrs?.length ?? 0); i++) {
      const a = attrs.item(i);
      // name() of an attribute (xpath Functions.name): its name, else its nodeName.
      if (field.attributes.includes(String(a.name || a.nodeName))) out[parts.camelCase(a.name)] = a.value;
    }
    return out;
  });
  return { value: values.length === 1 ? values[0] : values };
}
