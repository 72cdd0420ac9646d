/** Plain data → a PHP literal, so generated SimpleSAMLphp config never splices strings into PHP source. */
export type PhpValue = string | number | boolean | null | PhpValue[] | { [key: string]: PhpValue };

function phpString(s: string): string {
  // Single-quoted PHP strings interpret only \\ and \'.
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function phpLiteral(value: PhpValue, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return phpString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}    `;
  const items = Array.isArray(value)
    ? value.map((v) => `${inner}${phpLiteral(v, inner)},`)
    : Object.entries(value).map(([k, v]) => `${inner}${phpString(k)} => ${phpLiteral(v, inner)},`);
  return items.length === 0 ? '[]' : `[\n${items.join('\n')}\n${indent}]`;
}
