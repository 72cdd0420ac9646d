/**
 * One identity's claims as the compiled rules (compiled.ts) ask about them during one evaluation: its
 * groups as a set, each wildcard glob's answer computed at most once (all of them in one pass when every
 * rule may be asked, wildcard-index.ts), and the verified email with its domains.
 *
 * A rule's answer is matchRule's (evaluate.ts), in the same order: its patterns in rule order, for each
 * the FIRST of the identity's groups (in claims order) that matches; then its emails, then its domains.
 */
import type { IdentityClaims } from '../types';
import type { CompiledPolicy, CompiledRule } from './compiled';
import { claimDomains, matchEmailRule, verifiedEmail } from './email-match';
import type { RuleMatch } from './evaluate';
import { globMayMatch, type Glob } from './glob';
import { matchWildcards } from './wildcard-index';

export interface ClaimsView {
  claims: IdentityClaims;
  groups: ReadonlySet<string>;
  email: string | undefined;
  domains: ReadonlySet<string>;
  /** Per wildcard glob: the first matching group, null for none, undefined until asked. */
  wildcard: (string | null | undefined)[];
}

export function claimsView(claims: IdentityClaims): ClaimsView {
  const email = verifiedEmail(claims);
  return { claims, groups: new Set(claims.groups), email, domains: claimDomains(claims, email), wildcard: [] };
}

/** The answer of wildcard glob `id` (`glob`) for this identity: the first group in claims order it matches, asked once. */
export function wildcardMatch(view: ClaimsView, id: number, glob: Glob): string | null {
  const known = view.wildcard[id];
  // Stryker disable next-line ConditionalExpression: asking again gives the same answer; the memo only saves the work.
  if (known !== undefined) return known;
  // Stryker disable next-line ConditionalExpression: globMayMatch only skips groups the glob refuses too.
  const found = view.claims.groups.find((g) => globMayMatch(glob, g) && glob.test(g)) ?? null;
  view.wildcard[id] = found;
  return found;
}

/** matchRule for a compiled rule: whether it matches the identity, and why. */
export function matchCompiled(compiled: CompiledRule, view: ClaimsView): RuleMatch | undefined {
  const { rule } = compiled;
  if (rule.disabled) return undefined;
  if (rule.idps && !rule.idps.includes(view.claims.idpId)) return undefined;
  for (const { glob, wildcard } of compiled.patterns) {
    const group = wildcard < 0 ? (view.groups.has(glob.pattern) ? glob.pattern : null) : wildcardMatch(view, wildcard, glob);
    if (group !== null) return { ruleId: rule.id, reason: `group ${group} matches ${glob.pattern}` };
  }
  return matchEmailRule(rule, view.email, view.domains);
}

/** The indexes (ascending) of every rule that may match: those naming one of the groups, the email or a domain. */
export function candidateRules(view: ClaimsView, policy: CompiledPolicy): number[] {
  const marked = new Uint8Array(policy.rules.length);
  const mark = (rules: readonly number[] | undefined) => {
    if (rules) for (const i of rules) marked[i] = 1;
  };
  for (const g of view.groups) mark(policy.byGroup.get(g));
  // Every wildcard at once, in one pass over the groups (wildcard-index.ts).
  // A Set iterates in insertion order: the groups in claims order, each once.
  view.wildcard = matchWildcards(policy.wildcardIndex, view.groups);
  policy.wildcards.forEach((w, id) => {
    // Stryker disable next-line ConditionalExpression: marking a rule whose glob matched nothing only asks it in vain (matchCompiled refuses it).
    if (view.wildcard[id] !== null) mark(w.rules);
  });
  // Stryker disable next-line ConditionalExpression: without an email the index has no entry to find.
  if (view.email) mark(policy.byEmail.get(view.email));
  for (const d of view.domains) mark(policy.byDomain.get(d));
  const out: number[] = [];
  marked.forEach((m, i) => {
    // Stryker disable next-line ConditionalExpression: asking every rule gives the same answer (each decides for itself), only slower.
    if (m) out.push(i);
  });
  return out;
}
