import 'server-only';
/**
 * The admin side of time-limited grants: request, approve/reject, revoke. Each function runs inside
 * adminMutation (CSRF, requireAdmin, zod, the `admin` audit row with before/after) and also writes the
 * `grant` audit event the ledger filters on — including refused decisions (self-approval, second vote,
 * a grant no longer pending), which are exactly the attempts an auditor wants to see.
 */
import { z } from 'zod';
import { isGatewayError } from '../../core/errors';
import { freeText } from '../../core/text/free-text';
import type { AuditRecord } from '../../core/issuance/audit-event';
import { verifiedEmailOf } from '../../core/aws/session-name';
import { isAdmin } from '../../core/policy/admin';
import { checkGrantRequest, GRANT_LIMITS, type GrantActor } from '../../core/policy/grant-rules';
import { effectiveWindow, type Grant } from '../../core/policy/grants';
import type { JsonValue } from '../../db/repos/audit-types';
import type { AdminContext, MutationResult } from './route';

const isoTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const createGrantSchema = z.object({
  roleId: freeText().min(3).max(200),
  email: z.preprocess(blankToUndefined, freeText().max(320).optional()),
  /** The IdP that must verify `email` (issue 12 §1). */
  emailIdp: z.preprocess(blankToUndefined, freeText().max(64).optional()),
  userId: z.preprocess(blankToUndefined, freeText().max(100).optional()),
  reason: freeText().max(GRANT_LIMITS.maxReasonLength + 100),
  /** Absent: now. */
  startsAt: z.preprocess(blankToUndefined, isoTime.optional()),
  endsAt: z.preprocess(blankToUndefined, isoTime.optional()),
  durationMinutes: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(GRANT_LIMITS.maxDurationSeconds / 60).optional()),
  requiredApprovals: z.coerce.number().int().min(0).max(GRANT_LIMITS.maxApprovals),
}).strict();

export const decideGrantSchema = z.object({ grantId: freeText().min(1).max(100), decision: z.enum(['approve', 'reject']) }).strict();
export const revokeGrantSchema = z.object({ grantId: freeText().min(1).max(100) }).strict();

/** The acting admin as the grant rules see them: the email only when the IdP verified it. */
export function grantActor(ctx: AdminContext): GrantActor {
  const { claims } = ctx.session;
  return { userId: ctx.session.user.id, email: verifiedEmailOf(claims)?.toLowerCase(), isAdmin: isAdmin(claims, ctx.c.config.admins) };
}

/** Every IdP and SAML connection id: an email grant must name one of them. */
export function configuredIdpIds(config: AdminContext['c']['config']): string[] {
  return [...config.idps.map((i) => i.id), ...config.samlConnections.map((s) => s.id)];
}

/** How a grant names its grantee in the ledger: `user:<id>` or `email:<idp>:<email>`. */
export function granteeText(g: Pick<Grant, 'userId' | 'email' | 'emailIdp'>): string {
  return g.userId ? `user:${g.userId}` : `email:${g.emailIdp ?? '?'}:${g.email ?? ''}`;
}

/** A grant as the ledger and the JSON answers show it (no secrets in a grant). */
export function grantJson(g: Grant): { [k: string]: JsonValue } {
  const w = effectiveWindow(g);
  return {
    id: g.id, roleId: g.roleId, userId: g.userId ?? null, email: g.email ?? null, emailIdp: g.emailIdp ?? null, reason: g.reason, status: g.status,
    requestedBy: g.requestedBy, requestedAt: g.requestedAt.toISOString(), startsAt: g.startsAt.toISOString(), durationSeconds: g.durationSeconds,
    requiredApprovals: g.requiredApprovals, activatedAt: g.activatedAt?.toISOString() ?? null, revokedAt: g.revokedAt?.toISOString() ?? null,
    revokedBy: g.revokedBy ?? null, effectiveStart: w?.startsAt.toISOString() ?? null, effectiveEnd: w?.endsAt.toISOString() ?? null,
    approvals: g.approvals.map((a) => ({ approverUserId: a.approverUserId, decision: a.decision, at: a.at.toISOString() })),
  };
}

async function grantAudit(ctx: AdminContext, g: Pick<Grant, 'id' | 'roleId' | 'userId' | 'email' | 'emailIdp'>, action: string, outcome: AuditRecord['outcome'], extra: AuditRecord['detail'] = {}, code?: string) {
  await ctx.c.store.audit({
    type: 'grant', outcome, code, userId: ctx.session.user.id, email: ctx.session.claims.email, emailVerified: ctx.session.claims.emailVerified, idpId: ctx.session.idpId,
    roleArn: ctx.c.config.roles.get(g.roleId)?.arn, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent,
    detail: { action, grantId: g.id, grantee: granteeText(g), ...extra },
  });
}

export async function requestGrant(ctx: AdminContext, input: z.infer<typeof createGrantSchema>): Promise<MutationResult<{ grant: JsonValue }>> {
  const now = ctx.c.now();
  const checked = checkGrantRequest(
    { ...input, startsAt: input.startsAt ?? now, durationSeconds: input.durationMinutes === undefined ? undefined : input.durationMinutes * 60 },
    { roles: ctx.c.config.roles, idpIds: configuredIdpIds(ctx.c.config), requester: grantActor(ctx), now, maxDurationSeconds: ctx.c.config.grants.maxDays * 86400 },
  );
  const grant = await ctx.c.repos.roleGrants.createGrant(checked);
  await grantAudit(ctx, grant, 'request', 'ok', { status: grant.status, requiredApprovals: grant.requiredApprovals, durationSeconds: grant.durationSeconds, reason: grant.reason });
  const after = grantJson(grant);
  return { change: { action: 'grant.create', target: grant.id, before: null, after, roleArn: ctx.c.config.roles.get(grant.roleId)?.arn }, body: { grant: after } };
}

export async function decideOnGrant(ctx: AdminContext, input: z.infer<typeof decideGrantSchema>): Promise<MutationResult<{ grant: JsonValue }>> {
  try {
    const { before, after, result } = await ctx.c.repos.roleGrants.decide(input.grantId, grantActor(ctx), input.decision, ctx.c.now());
    await grantAudit(ctx, after, input.decision, 'ok', { status: after.status, approvals: result.approvals, requiredApprovals: after.requiredApprovals });
    return { change: { action: `grant.${input.decision}`, target: after.id, before: grantJson(before), after: grantJson(after), roleArn: ctx.c.config.roles.get(after.roleId)?.arn }, body: { grant: grantJson(after) } };
  } catch (err) {
    if (isGatewayError(err) && err.code.startsWith('GRANT_')) {
      const g = await ctx.c.repos.roleGrants.getGrant(input.grantId);
      if (g) await grantAudit(ctx, g, input.decision, 'denied', { status: g.status }, err.code);
    }
    throw err;
  }
}

export async function revokeGrant(ctx: AdminContext, input: z.infer<typeof revokeGrantSchema>): Promise<MutationResult<{ grant: JsonValue }>> {
  const { before, after } = await ctx.c.repos.roleGrants.revoke(input.grantId, grantActor(ctx), ctx.c.now());
  await grantAudit(ctx, after, 'revoke', 'ok', { status: after.status });
  return { change: { action: 'grant.revoke', target: after.id, before: grantJson(before), after: grantJson(after), roleArn: ctx.c.config.roles.get(after.roleId)?.arn }, body: { grant: grantJson(after) } };
}
