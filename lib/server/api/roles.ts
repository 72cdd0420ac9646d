/** Roles as the JSON API shows them: what the CLI needs to list roles and write one profile per role. */
import { profileNameFor } from '../../core/aws/profile-name';
import { heldRoles, type HeldRole, type HeldRoleDeps } from '../../core/issuance/held-roles';
import { remainingText } from '../../core/policy/grants';
import type { IdentityClaims, RoleDef } from '../../core/types';

export interface ApiRole {
  id: string;
  accountId: string;
  accountAlias: string;
  roleName: string;
  arn: string;
  region: string;
  partition: RoleDef['partition'];
  delivery: RoleDef['delivery'];
  maxSessionDurationSeconds: number;
  /** Suggested AWS CLI profile name: `<accountAlias>-<roleName>` (INI-safe). */
  profile: string;
  description?: string;
  /** Only for a role held through a time-limited grant (never for a rule's role). */
  grant?: { id: string; endsAt: string; remaining: string; reason: string };
}

export function apiRole(role: RoleDef): ApiRole {
  return {
    id: role.id,
    accountId: role.accountId,
    accountAlias: role.accountAlias,
    roleName: role.roleName,
    arn: role.arn,
    region: role.region,
    partition: role.partition,
    delivery: role.delivery,
    maxSessionDurationSeconds: role.maxSessionDurationSeconds,
    profile: profileNameFor(role),
    ...(role.description ? { description: role.description } : {}),
  };
}

/** A held role as the API shows it: the role, plus the grant's end, time left and reason when held through one. */
export function heldApiRole(held: HeldRole, now: Date): ApiRole {
  const { grant } = held;
  return { ...apiRole(held.role), ...(grant ? { grant: { id: grant.id, endsAt: grant.endsAt.toISOString(), remaining: remainingText(grant.endsAt, now), reason: grant.reason } } : {}) };
}

/** The roles the principal holds right now by rules or active grants (deny by default), in config order. */
export async function heldApiRoles(deps: HeldRoleDeps, claims: IdentityClaims, userId: string): Promise<ApiRole[]> {
  const now = deps.now();
  return (await heldRoles(deps, claims, userId)).map((h) => heldApiRole(h, now));
}
