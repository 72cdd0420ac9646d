/**
 * The mapping rules of one config, compiled once (issue 15 §4): every glob parsed, and indexes from an
 * exact group, an email, an email domain and a role to the rules naming it, so that a user with 200 groups
 * is checked against the few rules that can match rather than every pattern of 5,000 rules. The index only
 * chooses which rules to ask; each answer is still the rule's own (claims-view.ts, matchRule's order).
 *
 * Compiled once per rules array: a config is deep-frozen by parseConfigText, so its `rules` never change
 * and the compiled form lives as long as that config object (a WeakMap, nothing to evict). A rules array
 * that is not frozen (built by hand) is compiled at every call, never cached.
 */
import type { RuleConfig } from '../config/schema';
import type { RoleDef } from '../types';
import { parseGlob, type Glob } from './glob';
import { buildWildcardIndex, type WildcardIndex } from './wildcard-index';

export interface CompiledPattern {
  glob: Glob;
  /** Index into CompiledPolicy.wildcards; -1 for a literal group name. */
  wildcard: number;
}

export interface CompiledRule {
  rule: RuleConfig;
  patterns: CompiledPattern[];
  /** Positions in `roleList` of the configured roles the rule names, once per time it names each. */
  rolePositions: number[];
}

export interface CompiledPolicy {
  rules: readonly CompiledRule[];
  /** Rule indexes (ascending, a rule once per time it names the key) by exact group, email and domain; disabled rules are left out. */
  byGroup: ReadonlyMap<string, readonly number[]>;
  byEmail: ReadonlyMap<string, readonly number[]>;
  byDomain: ReadonlyMap<string, readonly number[]>;
  /** Each distinct wildcard glob once, with the enabled rules holding it. */
  wildcards: readonly { glob: Glob; rules: readonly number[] }[];
  wildcardIndex: WildcardIndex;
  /** Rule indexes by role id, once per time the rule names the role (disabled rules included: they never match). */
  byRole: ReadonlyMap<string, readonly number[]>;
  /** The roles in config order (results are listed in this order). */
  roleList: readonly RoleDef[];
  roles: ReadonlyMap<string, RoleDef>;
  roleCount: number;
}

/** Appends `rule` to the key's list (a rule naming a key twice is listed twice: candidateRules marks it once). */
function add(index: Map<string, number[]>, key: string, rule: number): void {
  const list = index.get(key);
  if (list) list.push(rule);
  else index.set(key, [rule]);
}

function compile(rules: readonly RuleConfig[], roles: ReadonlyMap<string, RoleDef>): CompiledPolicy {
  const byGroup = new Map<string, number[]>();
  const byEmail = new Map<string, number[]>();
  const byDomain = new Map<string, number[]>();
  const byRole = new Map<string, number[]>();
  const wildcardIds = new Map<string, number>();
  const wildcards: { glob: Glob; rules: number[] }[] = [];
  const position = new Map([...roles.keys()].map((id, i) => [id, i] as const));
  const wildcardOf = (glob: Glob): number => {
    const known = wildcardIds.get(glob.pattern);
    if (known !== undefined) return known;
    wildcardIds.set(glob.pattern, wildcards.length);
    return wildcards.push({ glob, rules: [] }) - 1;
  };
  const compiled = rules.map((rule, i): CompiledRule => {
    for (const roleId of rule.roles) add(byRole, roleId, i);
    const patterns = rule.groups.map((pattern): CompiledPattern => {
      const glob = parseGlob(pattern);
      return { glob, wildcard: glob.literal ? -1 : wildcardOf(glob) };
    });
    if (!rule.disabled) {
      for (const { glob, wildcard } of patterns) {
        if (wildcard < 0) add(byGroup, glob.pattern, i);
        else (wildcards[wildcard] as { rules: number[] }).rules.push(i);
      }
      for (const email of rule.emails) add(byEmail, email, i);
      for (const domain of rule.emailDomains) add(byDomain, domain, i);
    }
    // A role that is not configured (or of a disabled account) is granted by no rule.
    const rolePositions = rule.roles.flatMap((id) => position.get(id) ?? []);
    return { rule, patterns, rolePositions };
  });
  const wildcardIndex = buildWildcardIndex(wildcards.map((w) => w.glob));
  return { rules: compiled, byGroup, byEmail, byDomain, wildcards, wildcardIndex, byRole, roleList: [...roles.values()], roles, roleCount: roles.size };
}

const cache = new WeakMap<readonly RuleConfig[], CompiledPolicy>();

/** Whether nothing the compiled form depends on can change under it. */
function immutable(rules: readonly RuleConfig[]): boolean {
  return Object.isFrozen(rules) && rules.every((r) => Object.isFrozen(r) && Object.isFrozen(r.groups) && Object.isFrozen(r.emails) && Object.isFrozen(r.emailDomains) && Object.isFrozen(r.roles));
}

/** The compiled form of `rules` with `roles` (a config's, never changed once parsed). */
export function compiledPolicy(rules: readonly RuleConfig[], roles: ReadonlyMap<string, RoleDef>): CompiledPolicy {
  const hit = cache.get(rules);
  if (hit && hit.roles === roles && hit.roleCount === roles.size) return hit;
  const compiled = compile(rules, roles);
  if (immutable(rules)) cache.set(rules, compiled);
  return compiled;
}
