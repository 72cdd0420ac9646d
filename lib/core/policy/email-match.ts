/**
 * The email half of a mapping rule, shared by the rule-by-rule check (evaluate.ts's matchRule) and the
 * compiled evaluation (claims-view.ts), so that both decide exactly alike.
 */
import type { IdentityClaims } from '../types';
import type { RuleMatch } from './evaluate';
import type { RuleConfig } from '../config/schema';

/** The lower-cased email, only when verified: an unverified email is an assertion by the user, not the IdP. */
export function verifiedEmail(claims: IdentityClaims): string | undefined {
  return claims.emailVerified ? claims.email?.toLowerCase() : undefined;
}

/** The domains an email-domain rule may match: the verified email's (after its LAST @) and Google's `hd`. */
export function claimDomains(claims: IdentityClaims, email: string | undefined): Set<string> {
  const domains = new Set<string>();
  if (email) domains.add(email.slice(email.lastIndexOf('@') + 1));
  if (claims.hostedDomain) domains.add(claims.hostedDomain.toLowerCase());
  return domains;
}

/** The rule's exact-email match, else its first email domain among `domains`; `undefined` when neither. */
export function matchEmailRule(rule: Pick<RuleConfig, 'id' | 'emails' | 'emailDomains'>, email: string | undefined, domains: ReadonlySet<string>): RuleMatch | undefined {
  if (email && rule.emails.includes(email)) return { ruleId: rule.id, reason: `email ${email}` };
  const domain = rule.emailDomains.find((d) => domains.has(d));
  if (domain) return { ruleId: rule.id, reason: `domain ${domain}` };
  return undefined;
}
