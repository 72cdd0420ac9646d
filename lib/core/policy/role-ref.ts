/**
 * The ways a client may name a role — its id (`<account id>/<role name>`), its ARN, or
 * `<account alias>/<role name>` — resolved to the configured role id. Resolution only names a role; it
 * grants nothing: the caller still re-checks the policy (issueCredentials), and an unknown reference is
 * passed through unchanged so that the re-check refuses it the same way as a role the user does not hold
 * (POLICY_NO_ROLE, audited) — the answer never tells which roles exist.
 */
import type { RoleDef } from '../types';

export function resolveRoleRef(roles: ReadonlyMap<string, RoleDef>, ref: string): string {
  if (roles.has(ref)) return ref;
  for (const role of roles.values()) {
    if (role.arn === ref || `${role.accountAlias}/${role.roleName}` === ref) return role.id;
  }
  return ref;
}
