/**
 * Access requests (issue 5 §3, "grant requests"): a signed-in user asks for a role they do not hold, for
 * a few hours, with a reason. The request is a grant to the requester that starts pending and needs at
 * least one approval by an admin who is neither the requester nor the grantee (decideGrant enforces who
 * may decide). Only roles marked `requestable` can be asked for: deny by default. Pure.
 */
import { GatewayError } from '../errors';
import type { RoleDef } from '../types';
import { GRANT_LIMITS, grantInvalid, grantReason, type NewGrant } from './grant-rules';

export interface AccessRequestInput {
  roleId: string;
  reason: string;
  durationSeconds: number;
}

export interface AccessRequestContext {
  roles: ReadonlyMap<string, RoleDef>;
  /** The signed-in user; `email` only when the IdP verified it. */
  requester: { userId: string; email?: string };
  now: Date;
  maxDurationSeconds: number;
  requiredApprovals: number;
  /** Their requests still pending: a new one for the same role is refused, and so is a sixth. */
  pending: ReadonlyArray<{ roleId: string }>;
}

export const MAX_PENDING_REQUESTS = 5;

/** Checks an access request and returns the pending grant to store. Throws GRANT_ROLE_UNKNOWN or GRANT_INVALID. */
export function checkAccessRequest(input: AccessRequestInput, ctx: AccessRequestContext): NewGrant {
  const role = ctx.roles.get(input.roleId);
  if (!role?.requestable) throw new GatewayError('GRANT_ROLE_UNKNOWN', `role ${input.roleId.slice(0, 200)} is not requestable`, { publicDetail: 'this role cannot be requested' });
  const reason = grantReason(input.reason);
  const seconds = input.durationSeconds;
  if (!Number.isInteger(seconds) || seconds < GRANT_LIMITS.minDurationSeconds || seconds > ctx.maxDurationSeconds) {
    throw grantInvalid(`ask for ${GRANT_LIMITS.minDurationSeconds / 60} minutes to ${Math.floor(ctx.maxDurationSeconds / 3600)} hours`);
  }
  if (ctx.pending.some((p) => p.roleId === input.roleId)) throw grantInvalid('you already have a pending request for this role');
  if (ctx.pending.length >= MAX_PENDING_REQUESTS) throw grantInvalid(`at most ${MAX_PENDING_REQUESTS} requests can wait for approval at once`);
  return {
    roleId: role.id, userId: ctx.requester.userId, reason, requestedBy: ctx.requester.userId, requestedByEmail: ctx.requester.email,
    requestedAt: ctx.now, startsAt: ctx.now, durationSeconds: seconds,
    // Never fewer than one: nobody gives themself a role.
    requiredApprovals: Math.max(1, ctx.requiredApprovals), status: 'pending',
  };
}
