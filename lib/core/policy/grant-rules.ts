/**
 * The rules of requesting, deciding and revoking time-limited grants. Pure: each function checks one
 * transition and returns what to store, or throws a GatewayError with the code the admin sees. The repo
 * applies the result inside one transaction (lib/db/repos/role-grants.ts).
 *
 * Approval rules (README "Time-limited grants"):
 * - only admins decide (the route's requireAdmin; checked again here through `isAdmin`);
 * - never the requester, never the grantee — also not through another IdP with the same verified email;
 * - each approver counts once, by user id and by verified email (the same person through a second IdP);
 * - these separation-of-duty checks compare verified emails ACROSS IdPs on purpose: they only ever refuse,
 *   so treating the same verified address at two IdPs as one person errs on the safe side, while what a
 *   grant GIVES is matched on the email of the one IdP it names (grantAppliesTo, issue 12 §1);
 *   a second decision by the same approver is GRANT_ALREADY_DECIDED;
 * - one rejection rejects the grant: a grant exists to widen access, so any eligible admin's "no" wins;
 * - a grant to oneself needs at least one approval: nobody gives themself a role on their own word.
 */
import { GatewayError } from '../errors';
import type { RoleDef } from '../types';
import type { Grant, GrantDecision, GrantStatus } from './grants';

export const GRANT_LIMITS = {
  /** Default of the longest grant; the config may lower it. */
  maxDurationSeconds: 30 * 24 * 3600,
  minDurationSeconds: 300,
  maxApprovals: 5,
  maxReasonLength: 500,
  /** How far ahead a grant may be scheduled. */
  maxScheduleAheadSeconds: 90 * 24 * 3600,
  /** A start this far in the past still counts as "now" (a form filled in slowly). */
  pastStartToleranceSeconds: 300,
} as const;

/** The acting admin, as the server knows them; `email` only when verified. */
export interface GrantActor {
  userId: string;
  email?: string;
  isAdmin: boolean;
}

export interface GrantRequestInput {
  roleId: string;
  userId?: string;
  email?: string;
  /** The IdP that must have verified `email`; required with an email. */
  emailIdp?: string;
  reason: string;
  startsAt: Date;
  /** Exactly one of endsAt and durationSeconds. */
  endsAt?: Date;
  durationSeconds?: number;
  requiredApprovals: number;
}

export type NewGrant = Omit<Grant, 'id' | 'status' | 'activatedAt' | 'revokedAt' | 'revokedBy' | 'approvals'> & { status: GrantStatus; activatedAt?: Date };

/** A refused grant or request, with the reason shown to whoever asked. */
export const grantInvalid = (detail: string) => new GatewayError('GRANT_INVALID', detail, { publicDetail: detail });

/** The trimmed reason of a grant or request; GRANT_INVALID unless it has 1–maxReasonLength characters. */
export function grantReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > GRANT_LIMITS.maxReasonLength) throw grantInvalid(`a reason of 1–${GRANT_LIMITS.maxReasonLength} characters is required`);
  return trimmed;
}

function durationOf(input: GrantRequestInput, maxSeconds: number): number {
  if ((input.endsAt === undefined) === (input.durationSeconds === undefined)) throw grantInvalid('give either an end or a duration');
  const seconds = input.endsAt ? Math.floor((input.endsAt.getTime() - input.startsAt.getTime()) / 1000) : (input.durationSeconds ?? 0);
  if (!(seconds > 0)) throw grantInvalid('the end must be after the start');
  if (!Number.isInteger(seconds) || seconds < GRANT_LIMITS.minDurationSeconds) throw grantInvalid(`a grant lasts at least ${GRANT_LIMITS.minDurationSeconds / 60} minutes`);
  if (seconds > maxSeconds) throw grantInvalid(`a grant lasts at most ${Math.floor(maxSeconds / 86400)} days`);
  return seconds;
}

/** Checks a grant request and returns the row to store. Throws GRANT_INVALID, GRANT_ROLE_UNKNOWN or GRANT_SELF_APPROVAL. */
export function checkGrantRequest(input: GrantRequestInput, ctx: { roles: ReadonlyMap<string, RoleDef>; idpIds: readonly string[]; requester: GrantActor; now: Date; maxDurationSeconds?: number }): NewGrant {
  if (!ctx.requester.isAdmin) throw new GatewayError('FORBIDDEN', 'only admins request grants');
  if (!ctx.roles.has(input.roleId)) throw new GatewayError('GRANT_ROLE_UNKNOWN', `unknown role ${input.roleId.slice(0, 200)}`, { publicDetail: 'pick a configured role' });
  const email = input.email?.trim().toLowerCase() || undefined;
  const userId = input.userId?.trim() || undefined;
  if ((email === undefined) === (userId === undefined)) throw grantInvalid('name either a user or an email');
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw grantInvalid('the email is not valid');
  const emailIdp = email === undefined ? undefined : input.emailIdp?.trim();
  // An email alone names nobody: any IdP can assert any address (issue 12 §1).
  if (email !== undefined && (!emailIdp || !ctx.idpIds.includes(emailIdp))) throw grantInvalid('name the IdP that verifies the email');
  const reason = grantReason(input.reason);
  if (!Number.isInteger(input.requiredApprovals) || input.requiredApprovals < 0 || input.requiredApprovals > GRANT_LIMITS.maxApprovals) throw grantInvalid(`required approvals must be 0–${GRANT_LIMITS.maxApprovals}`);
  const now = ctx.now.getTime();
  const start = input.startsAt.getTime();
  if (Number.isNaN(start) || start < now - GRANT_LIMITS.pastStartToleranceSeconds * 1000) throw grantInvalid('the start must not be in the past');
  if (start > now + GRANT_LIMITS.maxScheduleAheadSeconds * 1000) throw grantInvalid('the start is too far ahead');
  const durationSeconds = durationOf(input, Math.min(ctx.maxDurationSeconds ?? GRANT_LIMITS.maxDurationSeconds, GRANT_LIMITS.maxDurationSeconds));
  const toSelf = userId === ctx.requester.userId || (email !== undefined && email === ctx.requester.email);
  if (toSelf && input.requiredApprovals < 1) throw new GatewayError('GRANT_SELF_APPROVAL', 'self-grant without approval', { publicDetail: 'a grant to yourself needs at least one approval by another admin' });
  const noApproval = input.requiredApprovals === 0;
  return {
    roleId: input.roleId, userId, email, emailIdp, reason, requestedBy: ctx.requester.userId, requestedByEmail: ctx.requester.email,
    requestedAt: ctx.now, startsAt: input.startsAt, durationSeconds, requiredApprovals: input.requiredApprovals,
    // Without approval the grant is active from its creation; its window still starts at startsAt.
    status: noApproval ? 'active' : 'pending', activatedAt: noApproval ? ctx.now : undefined,
  };
}

export interface GrantDecisionResult {
  decision: GrantDecision;
  /** The grant's status after this decision. */
  status: GrantStatus;
  /** Set when this decision was the N-th distinct approval. */
  activatedAt?: Date;
  /** Distinct approvals including this one. */
  approvals: number;
}

/** Checks one admin's decision on a pending grant (see the rules at the top of this file). */
export function decideGrant(grant: Grant, approver: GrantActor, decision: GrantDecision, now: Date): GrantDecisionResult {
  if (!approver.isAdmin) throw new GatewayError('FORBIDDEN', `user ${approver.userId} is not an admin`);
  if (grant.status !== 'pending') throw new GatewayError('GRANT_STATE_CONFLICT', `grant ${grant.id} is ${grant.status}`, { publicDetail: `the grant is ${grant.status}` });
  // Two people without a verified email are not the same person; a missing `e` never equals a string.
  const sameEmail = (e: string | undefined) => approver.email !== undefined && approver.email === e;
  if (approver.userId === grant.requestedBy || sameEmail(grant.requestedByEmail)) {
    throw new GatewayError('GRANT_SELF_APPROVAL', `requester ${approver.userId} deciding own grant ${grant.id}`, { publicDetail: 'you requested this grant' });
  }
  if (approver.userId === grant.userId || sameEmail(grant.email)) {
    throw new GatewayError('GRANT_SELF_APPROVAL', `grantee ${approver.userId} deciding grant ${grant.id}`, { publicDetail: 'this grant gives you the role' });
  }
  if (grant.approvals.some((a) => a.approverUserId === approver.userId || sameEmail(a.approverEmail))) throw new GatewayError('GRANT_ALREADY_DECIDED', `${approver.userId} already decided on ${grant.id}`);
  if (decision === 'reject') return { decision, status: 'rejected', approvals: countApprovals(grant) };
  const approvals = countApprovals(grant) + 1;
  if (approvals >= grant.requiredApprovals) return { decision, status: 'active', activatedAt: now, approvals };
  return { decision, status: 'pending', approvals };
}

/** Distinct approving admins so far. */
export function countApprovals(grant: Pick<Grant, 'approvals'>): number {
  return new Set(grant.approvals.filter((a) => a.decision === 'approve').map((a) => a.approverEmail ?? `user:${a.approverUserId}`)).size;
}

/** Revocation ends a pending or active grant at once; rejected and revoked grants cannot be revoked again. */
export function checkRevoke(grant: Grant, actor: GrantActor): void {
  if (!actor.isAdmin) throw new GatewayError('FORBIDDEN', `user ${actor.userId} is not an admin`);
  if (grant.status === 'revoked' || grant.status === 'rejected') {
    throw new GatewayError('GRANT_STATE_CONFLICT', `grant ${grant.id} is ${grant.status}`, { publicDetail: `the grant is already ${grant.status}` });
  }
}
