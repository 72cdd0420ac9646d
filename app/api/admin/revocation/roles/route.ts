import { revokeRoleSchema, revokeRoleSessions } from '@/lib/server/admin/revoke-aws';
import { adminMutation } from '@/lib/server/admin/route';

export const dynamic = 'force-dynamic';

/** POST { roleId } → IAM AWSRevokeOlderSessions on the role: every session issued before now is denied. */
export const POST = adminMutation(revokeRoleSchema, revokeRoleSessions);
