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
