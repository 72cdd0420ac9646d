import 'server-only';
/**
 * Revoking a user (issue 5 §5): their portal sessions and CLI logins end at once, and their device
 * approvals not yet collected by the CLI are denied (issue 12 §3); audited.
 */
import { z } from 'zod';
import { freeText } from '../../core/text/free-text';
import { GatewayError } from '../../core/errors';
import type { UserRecord } from '../../db/repos/users';
import type { Container } from '../container';
import type { AdminContext, MutationResult } from './route';

/** The body of every action on one user: `{ userId }`. */
export const revokeUserSchema = z.object({ userId: freeText().trim().min(1).max(100) }).strict();

/** The user, or a typed NOT_FOUND (nothing is changed for an unknown id). */
export async function requireUser(c: Container, userId: string): Promise<UserRecord> {
  const user = await c.repos.users.findUser(userId);
  if (!user) throw new GatewayError('NOT_FOUND', `no user ${userId}`, { publicDetail: 'userId: no such user' });
  return user;
}

export async function revokeUser({ c, session, meta }: AdminContext, input: z.infer<typeof revokeUserSchema>): Promise<MutationResult<{ revoked: { sessions: number; cliLogins: number; deviceApprovals: number } }>> {
  const user = await requireUser(c, input.userId);
  const revoked = await c.repos.users.revokeUserAccess(user.id, c.now());
  await c.repos.audit.appendAudit({
    type: 'revocation',
    outcome: 'ok',
    userId: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    ip: meta.ip,
    userAgent: meta.userAgent,
    detail: { action: 'user.revoke', by: session.user.id, sessions: revoked.sessions, cliLogins: revoked.cliLogins, deviceApprovals: revoked.deviceApprovals },
  });
  return {
    change: { action: 'user.revoke', target: user.id, before: { email: user.email ?? null }, after: { revokedSessions: revoked.sessions, revokedCliLogins: revoked.cliLogins, deniedDeviceApprovals: revoked.deviceApprovals } },
    body: { revoked },
  };
}
