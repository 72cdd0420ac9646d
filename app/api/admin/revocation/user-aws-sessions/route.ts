import { revokeUserAwsSchema, revokeUserAwsSessions } from '@/lib/server/admin/revoke-aws';
import { adminMutation } from '@/lib/server/admin/route';

export const dynamic = 'force-dynamic';

/** POST { userId } → denies the user's SourceIdentity in every role Rolegate issued them in the last 12 h. */
export const POST = adminMutation(revokeUserAwsSchema, revokeUserAwsSessions);
