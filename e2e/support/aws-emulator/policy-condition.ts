/**
 * IAM `Condition` block evaluation for the string operators trust policies use:
 * StringEquals / StringNotEquals / StringLike / StringNotLike / StringEqualsIgnoreCase /
 * StringNotEqualsIgnoreCase, each optionally prefixed `ForAnyValue:` / `ForAllValues:` and suffixed
 * `IfExists`. Condition keys are case-insensitive, values case-sensitive (IAM User Guide,
 * reference_policies_elements_condition_operators / _multi-value-conditions).
 */

/** Request context: lower-cased condition key → its values (multi-valued keys have several). */
export type ConditionContext = ReadonlyMap<string, readonly string[]>;
export type ConditionBlock = Record<
  string,
  Record<string, string | number | boolean | (string | number | boolean)[]>
>;

type Matcher = (actual: string, expected: string) => boolean;

const BASE_OPERATORS: Record<string, { match: Matcher; negated: boolean }> = {
  stringequals: { match: (a, e) => a === e, negated: false },
  stringnotequals: { match: (a, e) => a === e, negated: true },
  stringequalsignorecase: { match: (a, e) => a.toLowerCase() === e.toLowerCase(), negated: false },
  stringnotequalsignorecase: {
    match: (a, e) => a.toLowerCase() === e.toLowerCase(),
    negated: true,
  },
  stringlike: { match: (a, e) => globToRegExp(e).test(a), negated: false },
  stringnotlike: { match: (a, e) => globToRegExp(e).test(a), negated: true },
};

export class UnsupportedConditionError extends Error {
  override readonly name = 'UnsupportedConditionError';
}

/** `*` matches any run of characters, `?` exactly one; everything else is literal. */
export function globToRegExp(pattern: string): RegExp {
  const body = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

interface ParsedOperator {
  set: 'any' | 'all' | 'none';
  match: Matcher;
  negated: boolean;
  ifExists: boolean;
}

function parseOperator(raw: string): ParsedOperator {
  let name = raw.toLowerCase();
  let set: ParsedOperator['set'] = 'none';
  if (name.startsWith('foranyvalue:')) [set, name] = ['any', name.slice('foranyvalue:'.length)];
  else if (name.startsWith('forallvalues:'))
    [set, name] = ['all', name.slice('forallvalues:'.length)];
  const ifExists = name.endsWith('ifexists');
  if (ifExists) name = name.slice(0, -'ifexists'.length);
  const base = BASE_OPERATORS[name];
  if (!base)
    throw new UnsupportedConditionError(
      `the emulator does not implement condition operator ${raw}`,
    );
  return { set, ifExists, ...base };
}

export function isSupportedConditionOperator(raw: string): boolean {
  try {
    parseOperator(raw);
    return true;
  } catch {
    return false;
  }
}

/** One context value against the policy's value list: OR for positive operators, NOR for negated ones. */
function valueMatches(op: ParsedOperator, actual: string, expected: readonly string[]): boolean {
  const hit = expected.some((e) => op.match(actual, e));
  return op.negated ? !hit : hit;
}

function keyMatches(
  op: ParsedOperator,
  actual: readonly string[] | undefined,
  expected: readonly string[],
): boolean {
  if (actual === undefined || actual.length === 0) {
    // Missing key: ForAllValues and negated operators hold vacuously; IfExists makes any operator hold.
    return op.ifExists || op.set === 'all' || (op.set === 'none' && op.negated);
  }
  if (op.set === 'all') return actual.every((a) => valueMatches(op, a, expected));
  // Plain operators on a multi-valued key behave like ForAnyValue.
  return actual.some((a) => valueMatches(op, a, expected));
}

/** True when every operator and every key in the block matches (AND across operators and keys). */
export function conditionsMatch(
  block: ConditionBlock | undefined,
  context: ConditionContext,
): boolean {
  if (!block) return true;
  return Object.entries(block).every(([operator, keys]) => {
    const op = parseOperator(operator);
    return Object.entries(keys).every(([key, value]) => {
      const expected = (Array.isArray(value) ? value : [value]).map(String);
      return keyMatches(op, context.get(key.toLowerCase()), expected);
    });
  });
}
