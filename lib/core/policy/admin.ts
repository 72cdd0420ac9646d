/**
 * Who is an admin: a bootstrap admin by email verified at the IdP the config names for it (issue 12 §1: the
 * same address from another IdP, or unverified, is nobody), or a member of a configured group at that
 * group's own IdP (a group of the same name at another IdP does not count). Deny by default.
 */
import type { IdpEmail } from '../config/schema';
import type { RolegateConfig } from '../config/parse';
import type { IdentityClaims } from '../types';

/** Whether the sign-in carries an email verified by exactly the IdP one of `people` names. */
export function matchesIdpEmail(claims: Pick<IdentityClaims, 'idpId' | 'email' | 'emailVerified'>, people: readonly IdpEmail[]): boolean {
  if (claims.emailVerified !== true || !claims.email) return false;
  const email = claims.email.toLowerCase();
  return people.some((p) => p.idp === claims.idpId && p.email === email);
}

export function isAdmin(claims: IdentityClaims, admins: Pick<RolegateConfig['admins'], 'emails' | 'groups'>): boolean {
  if (matchesIdpEmail(claims, admins.emails)) return true;
  return admins.groups.some((g) => g.idp === claims.idpId && claims.groups.includes(g.group));
}
