/**
 * The top of the role picker (issue 15 §4): the person's favourites and their recently used roles, both
 * kept per user on the server. Every list is cut to the roles the person holds NOW (rules and active
 * grants, the same decision as issuance): a star or a past issuance never makes a role assumable, and a
 * role the person lost disappears from both lists until they hold it again.
 */
import { z } from 'zod';
import { rankByFrecency, FRECENCY_WINDOW_MS } from '../core/favourites/frecency';
import { heldRoles, type HeldRole, type HeldRoleDeps } from '../core/issuance/held-roles';
import { GatewayError } from '../core/errors';
import { resolveRoleRef } from '../core/policy/role-ref';
import { freeText, inputRefusal } from '../core/text/free-text';
import type { IdentityClaims, RoleDef } from '../core/types';
import type { FavouritesRepo, RoleUsesRepo } from '../db/repos';

/** How many recently used roles the picker shows. */
export const RECENT_SHOWN = 5;

export interface QuickRoleIds {
  /** Starred roles still held, in the order they were starred. */
  favourites: string[];
  /** Held roles by frecency of the person's own issuances, favourites left out. */
  recent: string[];
}

export interface QuickRoleDeps {
  repos: { favourites: FavouritesRepo; roleUses: RoleUsesRepo };
  issuance: HeldRoleDeps;
}

/** Favourites and recent roles among `held` (the caller's roles right now). */
export async function quickRoleIds(deps: QuickRoleDeps, userId: string, held: readonly HeldRole[]): Promise<QuickRoleIds> {
  const now = deps.issuance.now();
  const idByArn = new Map(held.map((h) => [h.role.arn, h.role.id] as const));
  const heldIds = new Set(idByArn.values());
  const [stars, uses] = await Promise.all([
    deps.repos.favourites.listFavourites(userId),
    deps.repos.roleUses.listRoleUses(userId, new Date(now.getTime() - FRECENCY_WINDOW_MS)),
  ]);
  const favourites = stars.map((s) => s.roleId).filter((id) => heldIds.has(id));
  const starred = new Set(favourites);
  const recentUses = uses.flatMap((u) => {
    const roleId = idByArn.get(u.roleArn);
    return roleId && !starred.has(roleId) ? [{ roleId, at: u.at }] : [];
  });
  return { favourites, recent: rankByFrecency(recentUses, now, RECENT_SHOWN) };
}

const refSchema = z.object({ roleId: freeText().min(3).max(200) });

/** The role a request names (`?roleId=`: id, ARN or `<alias>/<role name>`), as a configured id when known. */
export function parseRoleRef(url: URL, roles: ReadonlyMap<string, RoleDef>): string {
  const parsed = refSchema.safeParse({ roleId: url.searchParams.get('roleId') ?? undefined });
  if (!parsed.success) throw inputRefusal(parsed.error);
  return resolveRoleRef(roles, parsed.data.roleId);
}

export interface Caller {
  userId: string;
  claims: IdentityClaims;
}

/**
 * Stars a role the caller holds now. A role they do not hold — unknown, lost or never theirs — is refused
 * with POLICY_NO_ROLE, the same answer for each, so starring cannot probe which roles exist.
 */
export async function starRole(deps: QuickRoleDeps, who: Caller, roleId: string): Promise<QuickRoleIds> {
  const held = await heldRoles(deps.issuance, who.claims, who.userId);
  const heldIds = new Set(held.map((h) => h.role.id));
  if (!heldIds.has(roleId)) {
    throw new GatewayError('POLICY_NO_ROLE', `user ${who.userId} starred role ${roleId.slice(0, 200)} they do not hold`, { publicDetail: 'only a role you can assume now can be starred' });
  }
  await deps.repos.favourites.addFavourite({ userId: who.userId, roleId, at: deps.issuance.now(), held: heldIds });
  return quickRoleIds(deps, who.userId, held);
}

/** Unstars a role, held or not (a lost role's star can always go). Unstarring an unstarred role changes nothing. */
export async function unstarRole(deps: QuickRoleDeps, who: Caller, roleId: string): Promise<QuickRoleIds> {
  await deps.repos.favourites.removeFavourite(who.userId, roleId);
  return quickRoleIds(deps, who.userId, await heldRoles(deps.issuance, who.claims, who.userId));
}

/** The caller's quick roles, read from the policy and the store now. */
export async function currentQuickRoles(deps: QuickRoleDeps, who: Caller): Promise<QuickRoleIds> {
  return quickRoleIds(deps, who.userId, await heldRoles(deps.issuance, who.claims, who.userId));
}
