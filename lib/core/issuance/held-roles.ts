/**
 * The roles a principal holds right now: by the mapping rules (evaluatePolicy) OR by a time-limited grant
 * active at this moment. Grants are read from the server's store through `grants` on every call — at
 * each issuance and each role listing — never from a session snapshot, so a revoked or expired grant stops
 * working at the very next request.
 *
 * A role held by a rule is shown and issued exactly as before (the rule wins; no grant detail). A role held
 * only through a grant is returned with a copy of its RoleDef whose session length is capped to the
 * grant's remaining time (never below STS's 15-minute minimum), so keys issued late in a grant do not
 * outlive it by a whole role session. Ending sessions already issued is revocation's job (issue 5 §5).
 */
import { connectionEnabled, type RolegateConfig } from '../config/parse';
import { evaluatePolicy, findGrantedRole, type GrantedRole } from '../policy/evaluate';
import { roleHeldByGrants, rolesHeldByGrants, type Grant, type GrantHold } from '../policy/grants';
import type { IdentityClaims } from '../types';

/** A verified email and the IdP that verified it. */
export interface VerifiedEmail {
  idp: string;
  email: string;
}

/** Loads the ACTIVE grants naming this user id or this IdP's verified email; the core re-checks everything. */
export type GrantSource = (userId: string, verifiedEmail: VerifiedEmail | undefined) => Promise<Grant[]>;

export interface HeldRole extends GrantedRole {
  /** Set when the role is held only through this grant. */
  grant?: { id: string; endsAt: Date; reason: string };
}

export interface HeldRoleDeps {
  config: Pick<RolegateConfig, 'rules' | 'roles' | 'idps' | 'samlConnections'>;
  grants: GrantSource;
  now: () => Date;
}

/** AWS STS refuses sessions shorter than 900 s. */
const STS_MIN_SESSION_SECONDS = 900;

/** The grants naming this user id or this IdP's verified email (the store's selection; the core re-checks). */
function grantsOf(deps: HeldRoleDeps, claims: IdentityClaims, userId: string): Promise<Grant[]> {
  const email = claims.emailVerified === true ? claims.email?.toLowerCase() : undefined;
  return deps.grants(userId, email ? { idp: claims.idpId, email } : undefined);
}

/** A role held only through a grant: its session capped to the grant's remaining time. */
function grantHeld(hold: GrantHold, now: Date): HeldRole {
  const remaining = Math.floor((hold.endsAt.getTime() - now.getTime()) / 1000);
  const maxSessionDurationSeconds = Math.min(hold.role.maxSessionDurationSeconds, Math.max(STS_MIN_SESSION_SECONDS, remaining));
  return {
    role: { ...hold.role, maxSessionDurationSeconds },
    grantedBy: [{ ruleId: `grant:${hold.grant.id}`, reason: `grant ${hold.grant.id} until ${hold.endsAt.toISOString()}` }],
    grant: { id: hold.grant.id, endsAt: hold.endsAt, reason: hold.grant.reason },
  };
}

/** Every role the principal holds now, in config order: rule roles unchanged, then grant-only roles merged in. */
export async function heldRoles(deps: HeldRoleDeps, claims: IdentityClaims, userId: string): Promise<HeldRole[]> {
  // A session from a disabled or removed connection holds nothing, neither by rule nor by grant.
  if (!connectionEnabled(deps.config, claims.idpId)) return [];
  const byRules = evaluatePolicy(claims, deps.config.rules, deps.config.roles);
  const ruled = new Set(byRules.map((g) => g.role.id));
  const now = deps.now();
  const grants = await grantsOf(deps, claims, userId);
  const byGrants = new Map<string, HeldRole>();
  for (const hold of rolesHeldByGrants(grants, { userId, claims }, deps.config.roles, now)) {
    if (!ruled.has(hold.role.id)) byGrants.set(hold.role.id, grantHeld(hold, now));
  }
  const ruledById = new Map(byRules.map((g) => [g.role.id, g] as const));
  return [...deps.config.roles.keys()].flatMap((id) => {
    const held = ruledById.get(id) ?? byGrants.get(id);
    return held ? [held] : [];
  });
}

/**
 * The server-side re-check made at every issuance: the role if held by a rule or an active grant now. The
 * rules are asked once, and only those naming the role (issue 15 §4: a grant-held role was evaluated twice).
 */
export async function findHeldRole(deps: HeldRoleDeps, claims: IdentityClaims, userId: string, roleId: string): Promise<HeldRole | undefined> {
  if (!deps.config.roles.has(roleId) || !connectionEnabled(deps.config, claims.idpId)) return undefined;
  // Rules first: a role a rule grants never depends on the grant store being reachable.
  const byRule = findGrantedRole(claims, deps.config.rules, deps.config.roles, roleId);
  if (byRule) return byRule;
  const now = deps.now();
  const grants = await grantsOf(deps, claims, userId);
  const hold = roleHeldByGrants(grants, { userId, claims }, deps.config.roles, now, roleId);
  return hold && grantHeld(hold, now);
}
