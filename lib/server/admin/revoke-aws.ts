import 'server-only';
/**
 * Revoking AWS sessions Rolegate issued (issue 5 §5, AWS-FACTS §1.5), through IAM PutRolePolicy:
 * - a role's older sessions: `AWSRevokeOlderSessions` (every session of the role issued before now);
 * - one user's sessions: a deny on their SourceIdentity in every role the ledger shows Rolegate issued
 *   them in the last 12 hours (the longest a session lives), other people's sessions untouched.
 * IAM is eventually consistent: AWS says a deny can take minutes to apply everywhere.
 */
import { z } from 'zod';
import { freeText } from '../../core/text/free-text';
import { revokeOlderSessionsDocument, REVOKE_OLDER_SESSIONS, REVOKED_SOURCE_IDENTITIES, withRevokedSourceIdentity } from '../../core/aws/revocation-policy';
import { GatewayError } from '../../core/errors';
import type { RoleDef } from '../../core/types';
import { requireUser, revokeUserSchema } from './revoke-user';
import { recentSessions } from './recent-sessions';
import type { AdminContext, MutationResult } from './route';

export const revokeRoleSchema = z.object({ roleId: freeText().trim().min(1).max(300) }).strict();
export { revokeUserSchema as revokeUserAwsSchema } from './revoke-user';

function roleRef(role: RoleDef) {
  return { accountId: role.accountId, partition: role.partition, roleName: role.roleName };
}

function requireKeys(ctx: AdminContext, role: RoleDef): void {
  if (!ctx.c.iam.canRevoke(role.accountId)) {
    throw new GatewayError('REVOCATION_UNAVAILABLE', `no IAM keys for ${role.accountId}`, { publicDetail: `account ${role.accountId} has no IAM keys in ROLEGATE_IAM_KEYS` });
  }
}

export async function revokeRoleSessions(ctx: AdminContext, input: z.infer<typeof revokeRoleSchema>): Promise<MutationResult<{ roleArn: string; cutoff: string }>> {
  const role = ctx.c.config.roles.get(input.roleId);
  if (!role) throw new GatewayError('NOT_FOUND', `no role ${input.roleId}`, { publicDetail: 'roleId: no such role' });
  requireKeys(ctx, role);
  const at = ctx.c.now();
  const before = await ctx.c.iam.getRolePolicy(roleRef(role), REVOKE_OLDER_SESSIONS);
  const document = revokeOlderSessionsDocument(at);
  await ctx.c.iam.putRolePolicy(roleRef(role), REVOKE_OLDER_SESSIONS, document);
  const cutoff = at.toISOString();
  await ctx.c.repos.audit.appendAudit({ type: 'revocation', outcome: 'ok', roleArn: role.arn, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent, detail: { action: 'role.revoke-sessions', by: ctx.session.user.id, cutoff, policy: REVOKE_OLDER_SESSIONS } });
  return {
    change: { action: 'role.revoke-sessions', target: role.id, roleArn: role.arn, before: before ?? null, after: document },
    body: { roleArn: role.arn, cutoff },
  };
}

export async function revokeUserAwsSessions(ctx: AdminContext, input: z.infer<typeof revokeUserSchema>): Promise<MutationResult<{ revoked: { roleArn: string; sourceIdentity: string }[] }>> {
  const user = await requireUser(ctx.c, input.userId);
  const at = ctx.c.now();
  const sessions = await recentSessions(ctx.c.config.roles, (q) => ctx.c.repos.audit.listAudit(q), user.id, at);
  // All accounts must be revocable before anything is written: no half-done revocation by configuration.
  for (const { role } of sessions) requireKeys(ctx, role);
  const revoked: { roleArn: string; sourceIdentity: string }[] = [];
  for (const { role, sourceIdentity } of sessions) {
    const existing = await ctx.c.iam.getRolePolicy(roleRef(role), REVOKED_SOURCE_IDENTITIES);
    await ctx.c.iam.putRolePolicy(roleRef(role), REVOKED_SOURCE_IDENTITIES, withRevokedSourceIdentity(existing, sourceIdentity, at));
    revoked.push({ roleArn: role.arn, sourceIdentity });
    await ctx.c.repos.audit.appendAudit({ type: 'revocation', outcome: 'ok', userId: user.id, email: user.email, emailVerified: user.emailVerified, roleArn: role.arn, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent, detail: { action: 'user.revoke-aws-sessions', by: ctx.session.user.id, sourceIdentity, cutoff: at.toISOString() } });
  }
  return {
    change: { action: 'user.revoke-aws-sessions', target: user.id, before: null, after: { cutoff: at.toISOString(), sessions: revoked.map((r) => `${r.roleArn} ${r.sourceIdentity}`) } },
    body: { revoked },
  };
}
