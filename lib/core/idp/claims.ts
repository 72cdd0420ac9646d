/**
 * Turns an upstream ID token's claims into Rolegate's IdentityClaims, per IdP preset, rejecting what a
 * careful RP must reject (AWS-FACTS §3): an issuer that is not exactly the configured one, a Google
 * account outside the allowed Workspace domains, a groups overage (Entra's `hasgroups`, or any IdP's
 * groups claim sent as a distributed claim), which would otherwise grant silently nothing. The claims' signature, `aud`, `exp` and `nonce` were already verified by the OIDC
 * client against the IdP's JWKS before this runs.
 */
import type { IdpConfig } from '../config/schema';
import { GatewayError } from '../errors';
import type { IdentityClaims } from '../types';

export type RawClaims = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function stringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/**
 * Whether `claim` is a distributed claim (OIDC Core §5.6.2): `_claim_names` names it, so its values sit
 * at another endpoint (`_claim_sources`) instead of in the token. Read as absent, it would grant silently
 * nothing.
 */
export function isDistributedClaim(raw: RawClaims, claim: string): boolean {
  const names = raw._claim_names;
  return typeof names === 'object' && names !== null && Object.hasOwn(names, claim);
}

/** Entra signals "too many groups for the token" with `hasgroups` or a `_claim_names.groups` reference. */
export function hasEntraGroupsOverage(raw: RawClaims): boolean {
  return raw.hasgroups === true || raw.hasgroups === 'true' || isDistributedClaim(raw, 'groups');
}

/** The groups of `subject` (already checked to be present). */
function groupsFor(idp: IdpConfig, raw: RawClaims, subject: string): string[] {
  switch (idp.preset) {
    case 'google':
      return [];
    case 'entra': {
      if (hasEntraGroupsOverage(raw)) {
        throw new GatewayError('OIDC_GROUPS_OVERAGE', `Entra groups overage for sub ${subject}`);
      }
      const groups = stringList(raw[idp.groupsClaim]).map((id) => idp.groupNames[id] ?? id);
      return [...groups, ...stringList(raw[idp.rolesClaim])];
    }
    default:
      // Any IdP may move a long groups list out of the token (issue 13 §4): that is an overage too.
      if (isDistributedClaim(raw, idp.groupsClaim)) {
        throw new GatewayError('OIDC_GROUPS_OVERAGE', `distributed ${idp.groupsClaim} claim for sub ${subject}`);
      }
      return stringList(raw[idp.groupsClaim]);
  }
}

/**
 * The email and whether its issuer verified it. Verified means `email_verified === true` (a JSON boolean:
 * the string "false" is not true, and neither is an absent claim) about the very claim used as the email,
 * per OIDC Core §5.1 — `email_verified` speaks only of `email`. So a generic IdP whose email comes from
 * another claim (`upn`, `mail`) gives an unverified email, and so does Entra, whose `email` and
 * `preferred_username` are user- or tenant-editable and never verified by Entra ("nOAuth"): there only
 * groups and app roles count. `preferred_username` is read as the email for Entra alone.
 */
function emailOf(idp: IdpConfig, raw: RawClaims): { email?: string; emailVerified: boolean } {
  const claim = idp.preset === 'generic' ? idp.emailClaim : 'email';
  const fromClaim = str(raw[claim]);
  if (idp.preset === 'entra') return { email: (fromClaim ?? str(raw.preferred_username))?.toLowerCase(), emailVerified: false };
  if (fromClaim === undefined) return { emailVerified: false };
  return { email: fromClaim.toLowerCase(), emailVerified: claim === 'email' && raw.email_verified === true };
}

export function normalizeClaims(idp: IdpConfig, raw: RawClaims): IdentityClaims {
  const issuer = str(raw.iss);
  if (issuer !== idp.issuer) {
    throw new GatewayError('OIDC_ISSUER_MISMATCH', `expected iss ${idp.issuer}, got ${issuer ?? '(none)'}`);
  }
  const subject = str(raw.sub);
  if (!subject) throw new GatewayError('OIDC_CLAIMS_INVALID', 'ID token has no sub');
  const hostedDomain = str(raw.hd);
  if (idp.preset === 'google' && (!hostedDomain || !idp.allowedDomains.includes(hostedDomain.toLowerCase()))) {
    throw new GatewayError('OIDC_DOMAIN_NOT_ALLOWED', `Google hd ${hostedDomain ?? '(none)'} not allowed`);
  }
  const nameClaim = idp.preset === 'generic' ? idp.nameClaim : 'name';
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') extra[k] = v;
  return {
    idpId: idp.id,
    issuer,
    subject,
    ...emailOf(idp, raw),
    name: str(raw[nameClaim]),
    // Only Google's hd is Google's word (a Workspace domain it checked above); any other IdP's `hd` is a
    // plain claim, and emailDomains rules match it (policy/evaluate.ts): dropped.
    // Stryker disable next-line OptionalChaining: for Google, hd was required above; the ?. is for the type
    hostedDomain: idp.preset === 'google' ? hostedDomain?.toLowerCase() : undefined,
    groups: [...new Set(groupsFor(idp, raw, subject))],
    extra,
  };
}
