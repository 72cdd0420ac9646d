/**
 * The one authorisation decision of Rolegate: which roles a signed-in identity may assume.
 * Pure: (claims, rules, roles) → roles with the rules that granted each. No I/O, no clock.
 * Deny by default: a role is granted only when at least one rule matches.
 */
import type { RuleConfig } from '../config/schema';
import type { IdentityClaims, RoleDef } from '../types';
import { candidateRules, claimsView, matchCompiled } from './claims-view';
import { compiledPolicy, type CompiledRule } from './compiled';
import { claimDomains, matchEmailRule, verifiedEmail } from './email-match';
import { compileGlob } from './glob';

/** A rule after config resolution: `roles` holds role ids (`<accountId>/<roleName>`). */
export type ResolvedRule = RuleConfig;

export interface RuleMatch {
  ruleId: string;
  /** Why it matched, e.g. `group aws-dev-admins matches aws-dev-*`. */
  reason: string;
}

export interface GrantedRole {
  role: RoleDef;
  grantedBy: RuleMatch[];
}

/** Explains whether one rule matches the identity; `undefined` when it does not. */
export function matchRule(rule: ResolvedRule, claims: IdentityClaims): RuleMatch | undefined {
  if (rule.disabled) return undefined;
  if (rule.idps && !rule.idps.includes(claims.idpId)) return undefined;
  for (const pattern of rule.groups) {
    const test = compileGlob(pattern);
    const group = claims.groups.find(test);
    if (group !== undefined) return { ruleId: rule.id, reason: `group ${group} matches ${pattern}` };
  }
  const email = verifiedEmail(claims);
  return matchEmailRule(rule, email, claimDomains(claims, email));
}

/**
 * Every role the identity may assume, in config order, each with the rules that granted it (in rule order).
 * The rules are compiled once per config (compiled.ts); only the rules that can match are asked.
 */
export function evaluatePolicy(
  claims: IdentityClaims,
  rules: readonly ResolvedRule[],
  roles: ReadonlyMap<string, RoleDef>,
): GrantedRole[] {
  const policy = compiledPolicy(rules, roles);
  const view = claimsView(claims);
  // By position in the roles' config order: the result is listed in that order.
  const granted: RuleMatch[][] = new Array<RuleMatch[]>(policy.roleList.length);
  for (const i of candidateRules(view, policy)) {
    const compiled = policy.rules[i] as CompiledRule;
    const match = matchCompiled(compiled, view);
    if (!match) continue;
    // Only configured roles: compiled.ts leaves out ids the roles map does not hold.
    for (const at of compiled.rolePositions) (granted[at] ??= []).push(match);
  }
  const out: GrantedRole[] = [];
  // forEach skips the holes: only granted positions, in order; each is a position of roleList.
  granted.forEach((grantedBy, at) => out.push({ role: policy.roleList[at] as RoleDef, grantedBy }));
  return out;
}

/**
 * The server-side re-check made at every issuance: the role if granted, else undefined. Asks only the
 * rules naming the role, each as evaluatePolicy would.
 */
export function findGrantedRole(
  claims: IdentityClaims,
  rules: readonly ResolvedRule[],
  roles: ReadonlyMap<string, RoleDef>,
  roleId: string,
): GrantedRole | undefined {
  const role = roles.get(roleId);
  if (!role) return undefined;
  const policy = compiledPolicy(rules, roles);
  const view = claimsView(claims);
  const grantedBy: RuleMatch[] = [];
  for (const i of policy.byRole.get(roleId) ?? []) {
    const match = matchCompiled(policy.rules[i] as CompiledRule, view);
    if (match) grantedBy.push(match);
  }
  return grantedBy.length ? { role, grantedBy } : undefined;
}
