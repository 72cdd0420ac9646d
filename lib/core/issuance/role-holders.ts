/**
 * The reverse preview (issue 5 §2, "who can assume what"): which of the known users hold one role right
 * now, by rule or by grant, and through what. Decided by the same functions issuance uses; nothing here has
 * a policy of its own.
 */
import type { IdentityClaims } from '../types';
import { findHeldRole, type HeldRoleDeps } from './held-roles';

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

/** The most users one preview asks about (the newest sign-ins; the page says so). */
export const PREVIEW_MAX_USERS = 500;

/** Users asked between two yields to the event loop (each costs well under a millisecond: issue 15 §4). */
export const PREVIEW_USERS_PER_SLICE = 25;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The candidates holding `roleId` now, in the order given (the first PREVIEW_MAX_USERS). Each is asked as
 * issuance asks (findHeldRole: only the rules naming the role, then the user's grants), and the loop yields
 * to the event loop every PREVIEW_USERS_PER_SLICE users, so a preview over hundreds of users never holds
 * up sign-ins and issuances.
 */
export async function roleHolders<U>(deps: HeldRoleDeps, roleId: string, candidates: readonly HolderCandidate<U>[]): Promise<RoleHolder<U>[]> {
  const holders: RoleHolder<U>[] = [];
  for (const [i, { user, userId, claims }] of candidates.slice(0, PREVIEW_MAX_USERS).entries()) {
    if (i > 0 && i % PREVIEW_USERS_PER_SLICE === 0) await yieldToEventLoop();
    if (!claims) continue;
    const held = await findHeldRole(deps, claims, userId, roleId);
    if (held) holders.push({ user, via: held.grantedBy.map((g) => `${g.ruleId}: ${g.reason}`) });
  }
  return holders;
}
