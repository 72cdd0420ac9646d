/**
 * Time-limited grants (issue 5 §3): a role given to one user, or to an email not yet seen, for a bounded
 * time, with a reason. Pure: the effective window, whether a grant is active at `now`, and which roles a
 * principal holds through grants. No I/O, no clock of its own — `now` is always passed in.
 *
 * - Without approval the grant runs over [startsAt, startsAt + duration).
 * - With approval "the time counts from approval": it starts at the later of startsAt and the moment the
 *   N-th distinct approval landed (activatedAt), and lasts the requested duration from there, so a grant
 *   approved late is not silently shortened.
 * - Revoked, rejected and not-yet-approved grants give nothing; the end is exclusive.
 */
import type { IdentityClaims, RoleDef } from '../types';

export type GrantStatus = 'pending' | 'active' | 'rejected' | 'revoked';
export type GrantDecision = 'approve' | 'reject';

export interface GrantApproval {
  approverUserId: string;
  /** The approver's verified email when known: one person through two IdPs still counts once. */
  approverEmail?: string;
  decision: GrantDecision;
  at: Date;
}

export interface Grant {
  id: string;
  /** A configured role id, `<accountId>/<roleName>`. */
  roleId: string;
  /** Exactly one of userId and email is set. */
  userId?: string;
  /** Lower-cased; matches only an email verified by `emailIdp`. */
  email?: string;
  /** The IdP (or SAML connection) that must have verified `email`; without it an email grant matches nobody. */
  emailIdp?: string;
  reason: string;
  requestedBy: string;
  /** The requester's verified email, when known: the same person through another IdP cannot approve. */
  requestedByEmail?: string;
  requestedAt: Date;
  startsAt: Date;
  durationSeconds: number;
  /** 0–5 distinct approvers other than the requester and the grantee. */
  requiredApprovals: number;
  status: GrantStatus;
  activatedAt?: Date;
  revokedAt?: Date;
  revokedBy?: string;
  approvals: GrantApproval[];
}

export interface GrantWindow {
  startsAt: Date;
  endsAt: Date;
}

/** Where a grant is in its life at `now`, for lists and the role picker. */
export type GrantPhase = 'pending' | 'rejected' | 'revoked' | 'scheduled' | 'active' | 'expired';

/** A role held through a grant. */
export interface GrantHold {
  role: RoleDef;
  grant: Grant;
  endsAt: Date;
}

/**
 * The effective window, or undefined while the grant still waits for approvals (or was rejected before
 * reaching them). Independent of revocation: a revoked grant keeps its window for display, and
 * isGrantActive refuses it.
 */
export function effectiveWindow(grant: Grant): GrantWindow | undefined {
  let start = grant.startsAt.getTime();
  if (grant.requiredApprovals > 0) {
    if (!grant.activatedAt) return undefined;
    start = Math.max(start, grant.activatedAt.getTime());
  }
  return { startsAt: new Date(start), endsAt: new Date(start + grant.durationSeconds * 1000) };
}

/** The window of an active, unrevoked grant that contains `now` (start inclusive, end exclusive), else undefined. */
function activeWindow(grant: Grant, now: Date): GrantWindow | undefined {
  if (grant.status !== 'active' || grant.revokedAt) return undefined;
  const w = effectiveWindow(grant);
  return w && w.startsAt <= now && now < w.endsAt ? w : undefined;
}

/** True only for an active, unrevoked grant whose window contains `now` (start inclusive, end exclusive). */
export function isGrantActive(grant: Grant, now: Date): boolean {
  return activeWindow(grant, now) !== undefined;
}

export function grantPhase(grant: Grant, now: Date): GrantPhase {
  if (grant.status === 'revoked' || grant.revokedAt) return 'revoked';
  if (grant.status === 'rejected') return 'rejected';
  const w = effectiveWindow(grant);
  if (grant.status === 'pending' || !w) return 'pending';
  if (now < w.startsAt) return 'scheduled';
  return now < w.endsAt ? 'active' : 'expired';
}

/** Who a grant is checked against: the user record's id and the sign-in's claims. */
export interface GrantPrincipal {
  userId: string;
  claims: Pick<IdentityClaims, 'idpId' | 'email' | 'emailVerified'>;
}

/**
 * Whether the grant names this principal: by user id, or by email — and then ONLY an email verified by
 * the IdP the grant names counts (issue 12 §1). An unverified email is the user's own assertion (Entra's
 * `email`, a missing email_verified): matching it would let anyone type a victim's address into their IdP
 * profile and take the grant; the same address from another IdP is another identity.
 */
export function grantAppliesTo(grant: Pick<Grant, 'userId' | 'email' | 'emailIdp'>, who: GrantPrincipal): boolean {
  if (grant.userId !== undefined) return grant.userId === who.userId;
  // A grant naming no IdP matches nobody, also not a sign-in that (wrongly) carries no IdP id; a grant naming
  // no email matches nobody through the last comparison.
  if (grant.emailIdp === undefined) return false;
  const { idpId, email, emailVerified } = who.claims;
  if (emailVerified !== true || !email || idpId !== grant.emailIdp) return false;
  return email.toLowerCase() === grant.email;
}

/** Per role id, the active grant naming the principal that ends last (on a tie the grant listed first). */
function bestHolds(grants: readonly Grant[], who: GrantPrincipal, roles: ReadonlyMap<string, RoleDef>, now: Date): Map<string, GrantHold> {
  const best = new Map<string, GrantHold>();
  for (const grant of grants) {
    const role = roles.get(grant.roleId);
    const window = grantAppliesTo(grant, who) ? activeWindow(grant, now) : undefined;
    if (!role || !window) continue;
    const held = best.get(role.id);
    // On a tie the grant listed first stays.
    if (!held || held.endsAt < window.endsAt) best.set(role.id, { role, grant, endsAt: window.endsAt });
  }
  return best;
}

/**
 * The roles the principal holds through grants at `now`, in config order; a role named by several active
 * grants is held through the one that ends last. Roles no longer in the config give nothing.
 */
export function rolesHeldByGrants(grants: readonly Grant[], who: GrantPrincipal, roles: ReadonlyMap<string, RoleDef>, now: Date): GrantHold[] {
  const best = bestHolds(grants, who, roles, now);
  return [...roles.keys()].flatMap((id) => {
    const held = best.get(id);
    return held ? [held] : [];
  });
}

/** rolesHeldByGrants(...).find(role `roleId`), without listing every configured role (issue 15 §4). */
export function roleHeldByGrants(grants: readonly Grant[], who: GrantPrincipal, roles: ReadonlyMap<string, RoleDef>, now: Date, roleId: string): GrantHold | undefined {
  return bestHolds(grants, who, roles, now).get(roleId);
}

/** "2 h 5 min left", "3 d 4 h left", "less than a minute left". */
export function remainingText(endsAt: Date, now: Date): string {
  const minutes = Math.floor((endsAt.getTime() - now.getTime()) / 60_000);
  if (minutes < 1) return 'less than a minute left';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d} d ${h} h left`;
  return h > 0 ? `${h} h ${m} min left` : `${m} min left`;
}
