/**
 * The reverse preview (issue 5 §2, "who can assume what"): which of the known users hold one role right
 * now, by rule or by grant, and through what. Decided by the same functions issuance uses; nothing here has
 * a policy of its own.
 */
import type { IdentityClaims } from '../types';
import { heldRoles, type HeldRoleDeps } from './held-roles';

export interface HolderCandidate<U> {
  user: U;
  userId: string;
  /** The claims of the user's latest sign-in; a user without one holds nothing here. */
  claims: IdentityClaims | undefined;
}

export interface RoleHolder<U> {
  user: U;
  /** `<rule id>: <reason>` (or `grant:<id>: …`) for each rule or grant behind the role. */
  via: string[];
}

/** The candidates holding `roleId` now, in the order given. */
export async function roleHolders<U>(deps: HeldRoleDeps, roleId: string, candidates: readonly HolderCandidate<U>[]): Promise<RoleHolder<U>[]> {
  const holders: RoleHolder<U>[] = [];
  for (const { user, userId, claims } of candidates) {
    if (!claims) continue;
    const held = (await heldRoles(deps, claims, userId)).find((h) => h.role.id === roleId);
    if (held) holders.push({ user, via: held.grantedBy.map((g) => `${g.ruleId}: ${g.reason}`) });
  }
  return holders;
}
