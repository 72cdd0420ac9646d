/**
 * Turns an upstream ID token's claims into Rolegate's IdentityClaims, per IdP preset, rejecting what a
 * careful RP must reject (AWS-FACTS §3): an issuer that is not exactly the configured one, a Google
 * account outside the allowed Workspace domains, an Entra groups overage (which would otherwise grant
 * silently nothing). The claims' signature, `aud`, `exp` and `nonce` were already verified by the OIDC
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

/** Entra signals "too many groups for the token" with `hasgroups` or a `_claim_names.groups` reference. */
export function hasEntraGroupsOverage(raw: RawClaims): boolean {
  const names = raw._claim_names;
  const refersGroups = typeof names === 'object' && names !== null && 'groups' in names;
  return raw.hasgroups === true || raw.hasgroups === 'true' || refersGroups;
}

function groupsFor(idp: IdpConfig, raw: RawClaims): string[] {
  switch (idp.preset) {
    case 'google':
      return [];
    case 'entra': {
      if (hasEntraGroupsOverage(raw)) {
        throw new GatewayError('OIDC_GROUPS_OVERAGE', `Entra groups overage for sub ${str(raw.sub) ?? '?'}`);
      }
      const groups = stringList(raw[idp.groupsClaim]).map((id) => idp.groupNames[id] ?? id);
      return [...groups, ...stringList(raw[idp.rolesClaim])];
    }
    default:
      return stringList(raw[idp.groupsClaim]);
  }
}

export function normalizeClaims(idp: IdpConfig, raw: RawClaims): IdentityClaims {
  const issuer = str(raw.iss);
  if (issuer !== idp.issuer) {
    throw new GatewayError('OIDC_ISSUER_MISMATCH', `expected iss ${idp.issuer}, got ${issuer ?? '(none)'}`);
  }
  const subject = str(raw.sub);
  if (!subject) throw new GatewayError('OIDC_CLAIMS_INVALID', 'ID token has no sub');
  const emailClaim = idp.preset === 'generic' ? idp.emailClaim : 'email';
  const email = str(raw[emailClaim]) ?? (idp.preset === 'entra' ? str(raw.preferred_username) : undefined);
  const hostedDomain = str(raw.hd);
  if (idp.preset === 'google' && (!hostedDomain || !idp.allowedDomains.includes(hostedDomain.toLowerCase()))) {
    throw new GatewayError('OIDC_DOMAIN_NOT_ALLOWED', `Google hd ${hostedDomain ?? '(none)'} not allowed`);
  }
  // Entra's `email` and `preferred_username` are not verified by Entra (the "nOAuth" flaw): they never
  // match email rules; use groups or app roles there. Others must not say email_verified: false.
  const emailVerified =
    email !== undefined && idp.preset !== 'entra' && raw.email_verified !== false && raw.email_verified !== 'false';
  const nameClaim = idp.preset === 'generic' ? idp.nameClaim : 'name';
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') extra[k] = v;
  return {
    idpId: idp.id,
    issuer,
    subject,
    email: email?.toLowerCase(),
    emailVerified,
    name: str(raw[nameClaim]),
    hostedDomain: hostedDomain?.toLowerCase(),
    groups: [...new Set(groupsFor(idp, raw))],
    extra,
  };
}
