import 'server-only';
/**
 * Access requests from the portal (issue 5 §3): a signed-in user asks for a requestable role; the request
 * is a pending grant to them, decided by admins on the grants page like any grant. Every request, made or
 * refused, is a `grant` event in the audit ledger.
 */
import { z } from 'zod';
import { isGatewayError } from '../core/errors';
import { verifiedEmailOf } from '../core/aws/session-name';
import { freeText, inputRefusal } from '../core/text/free-text';
import { checkAccessRequest } from '../core/policy/access-request';
import type { Grant } from '../core/policy/grants';
import type { Container } from './container';
import type { ActiveSession } from './ports';
import type { RequestMeta } from './request-meta';

export const accessRequestSchema = z.object({
  roleId: freeText().min(3).max(200),
  reason: freeText().max(600),
  /** How long, in hours (fractions allowed: 0.5 = 30 minutes). */
  hours: z.coerce.number().positive().max(720),
}).strict();

export async function requestAccess(c: Container, session: ActiveSession, meta: RequestMeta, body: unknown): Promise<Grant> {
  const parsed = accessRequestSchema.safeParse(body);
  if (!parsed.success) throw inputRefusal(parsed.error);
  const { roleId, reason, hours } = parsed.data;
  const { claims } = session;
  const audit = (outcome: 'ok' | 'denied', detail: Record<string, string | number>, code?: string) =>
    c.store.audit({
      type: 'grant', outcome, code, userId: session.user.id, email: claims.email, emailVerified: claims.emailVerified, idpId: session.idpId,
      roleArn: c.config.roles.get(roleId)?.arn, ip: meta.ip, userAgent: meta.userAgent,
      detail: { action: 'request', selfService: 1, grantee: `user:${session.user.id}`, ...detail },
    });
  try {
    const pending = (await c.repos.roleGrants.requestsBy(session.user.id)).filter((g) => g.status === 'pending');
    const grant = checkAccessRequest(
      { roleId, reason, durationSeconds: Math.round(hours * 3600) },
      {
        roles: c.config.roles, requester: { userId: session.user.id, email: verifiedEmailOf(claims)?.toLowerCase() }, now: c.now(),
        maxDurationSeconds: c.config.grants.requestMaxHours * 3600, requiredApprovals: c.config.grants.requestApprovals, pending,
      },
    );
    const created = await c.repos.roleGrants.createGrant(grant);
    await audit('ok', { grantId: created.id, status: created.status, requiredApprovals: created.requiredApprovals, durationSeconds: created.durationSeconds, reason: created.reason });
    return created;
  } catch (err) {
    if (isGatewayError(err) && err.code.startsWith('GRANT_')) await audit('denied', { roleId: roleId.slice(0, 200) }, err.code);
    throw err;
  }
}
