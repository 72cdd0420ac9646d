import 'server-only';
/**
 * "Who can assume what" (issue 5 §2): the roles a known user or a pasted set of claims gets, with the
 * rule (or grant) behind each, and the reverse — which rules grant a role and which known users hold it
 * now. Everything is decided by the same functions issuance uses (evaluatePolicy, heldRoles); nothing
 * here has a policy of its own.
 */
import { heldRoles, type GrantSource, type HeldRole } from '../../core/issuance/held-roles';
import { PREVIEW_MAX_USERS, roleHolders } from '../../core/issuance/role-holders';
import { evaluatePolicy } from '../../core/policy/evaluate';
import type { IdentityClaims } from '../../core/types';
import type { UserRecord } from '../../db/repos/users';
import type { Container } from '../container';

export { parsePastedClaims } from './pasted-claims';

export interface UserPreview {
  user: UserRecord;
  /** Undefined when the user has no sign-in whose claims Rolegate still holds. */
  claims?: IdentityClaims;
  roles: HeldRole[];
}

export async function previewUser(c: Container, userId: string): Promise<UserPreview | undefined> {
  const user = await c.repos.users.findUser(userId);
  if (!user) return undefined;
  const claims = (await c.repos.sessions.latestClaims()).get(userId);
  const roles = claims ? await heldRoles(c.issuance, claims, userId) : [];
  return { user, claims, roles };
}

export function previewClaims(c: Container, claims: IdentityClaims): HeldRole[] {
  return evaluatePolicy(claims, c.config.rules, c.config.roles);
}

export interface RoleHolders {
  rules: { id: string; reason?: string }[];
  users: { user: UserRecord; via: string[] }[];
}

/** The rules naming the role, and the known users who hold it right now (by rule or grant). */
export async function whoCanAssume(c: Container, roleId: string): Promise<RoleHolders> {
  const rules = c.config.rules.filter((r) => r.roles.includes(roleId)).map((r) => ({ id: r.id }));
  const [users, claimsByUser, active] = await Promise.all([c.repos.users.listRecent(PREVIEW_MAX_USERS), c.repos.sessions.latestClaims(), c.repos.roleGrants.listActive()]);
  // One query for every user's grants, selected in memory exactly as activeGrantsFor selects them.
  const grants: GrantSource = async (userId, verified) =>
    active.filter((g) => g.userId === userId || (verified !== undefined && g.email === verified.email.toLowerCase() && g.emailIdp === verified.idp));
  const candidates = users.map((user) => ({ user, userId: user.id, claims: claimsByUser.get(user.id) }));
  const holders = await roleHolders({ ...c.issuance, grants }, roleId, candidates);
  return { rules, users: holders };
}
