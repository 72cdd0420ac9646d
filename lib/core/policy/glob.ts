/**
 * Group globs for mapping rules: `*` matches any run of characters, `?` one character; everything else is
 * literal and the match is anchored and case-sensitive (IdP group names are case-sensitive identifiers).
 */
export function compileGlob(pattern: string): (value: string) => boolean {
  // Stryker disable next-line ConditionalExpression,Regex: the fast path; a wildcard-free pattern compiles to an anchored literal regex that matches the same values.
  if (!/[*?]/.test(pattern)) return (value) => value === pattern;
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${source}$`, 's');
  return (value) => re.test(value);
}

/** A compiled glob with the literal text around its wildcards, for indexes that skip most values unmatched. */
export interface Glob {
  pattern: string;
  /** No `*` or `?`: matches exactly `pattern`. */
  literal: boolean;
  /** The literal text before the first wildcard and after the last (both `pattern` when literal). */
  prefix: string;
  suffix: string;
  test: (value: string) => boolean;
}

export function parseGlob(pattern: string): Glob {
  const first = pattern.search(/[*?]/);
  if (first < 0) return { pattern, literal: true, prefix: pattern, suffix: pattern, test: compileGlob(pattern) };
  const last = Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'));
  return { pattern, literal: false, prefix: pattern.slice(0, first), suffix: pattern.slice(last + 1), test: compileGlob(pattern) };
}

/** Whether `value` can match: it carries the glob's literal prefix and suffix (cheap; the glob's test decides). */
export function globMayMatch(glob: Pick<Glob, 'prefix' | 'suffix'>, value: string): boolean {
  return value.startsWith(glob.prefix) && value.endsWith(glob.suffix);
}
