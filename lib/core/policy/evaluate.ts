/**
 * The one authorisation decision of Rolegate: which roles a signed-in identity may assume.
 * Pure: (claims, rules, roles) → roles with the rules that granted each. No I/O, no clock.
 * Deny by default: a role is granted only when at least one rule matches.
 */
import type { RuleConfig } from '../config/schema';
import type { IdentityClaims, RoleDef } from '../types';
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
  // An unverified email is an assertion by the user, not the IdP: it never grants anything.
  const email = claims.emailVerified ? claims.email?.toLowerCase() : undefined;
  if (email && rule.emails.includes(email)) return { ruleId: rule.id, reason: `email ${email}` };
  const domains = new Set<string>();
  if (email) domains.add(email.slice(email.lastIndexOf('@') + 1));
  if (claims.hostedDomain) domains.add(claims.hostedDomain.toLowerCase());
  const domain = rule.emailDomains.find((d) => domains.has(d));
  if (domain) return { ruleId: rule.id, reason: `domain ${domain}` };
  return undefined;
}

/** Every role the identity may assume, in config order, each with the rules that granted it. */
export function evaluatePolicy(
  claims: IdentityClaims,
  rules: readonly ResolvedRule[],
  roles: ReadonlyMap<string, RoleDef>,
): GrantedRole[] {
  const granted = new Map<string, RuleMatch[]>();
  for (const rule of rules) {
    const match = matchRule(rule, claims);
    if (!match) continue;
    for (const roleId of rule.roles) {
      // Stryker disable next-line ConditionalExpression: the result lists configured roles only, so an unknown id is dropped either way.
      if (!roles.has(roleId)) continue;
      granted.set(roleId, [...(granted.get(roleId) ?? []), match]);
    }
  }
  return [...roles.values()].flatMap((role) => {
    const grantedBy = granted.get(role.id);
    return grantedBy ? [{ role, grantedBy }] : [];
  });
}

/** The server-side re-check made at every issuance: the role if granted, else undefined. */
export function findGrantedRole(
  claims: IdentityClaims,
  rules: readonly ResolvedRule[],
  roles: ReadonlyMap<string, RoleDef>,
  roleId: string,
): GrantedRole | undefined {
  return evaluatePolicy(claims, rules, roles).find((g) => g.role.id === roleId);
}
