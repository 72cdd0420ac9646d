/**
 * Who is an admin: a bootstrap admin by verified email, or a member of a configured group at that
 * group's own IdP (a group of the same name at another IdP does not count). Deny by default.
 */
import type { RolegateConfig } from '../config/parse';
import type { IdentityClaims } from '../types';

export function isAdmin(claims: IdentityClaims, admins: Pick<RolegateConfig['admins'], 'emails' | 'groups'>): boolean {
  if (claims.emailVerified && claims.email && admins.emails.includes(claims.email.toLowerCase())) return true;
  return admins.groups.some((g) => g.idp === claims.idpId && claims.groups.includes(g.group));
}
