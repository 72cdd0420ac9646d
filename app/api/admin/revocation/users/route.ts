import { adminMutation } from '@/lib/server/admin/route';
import { revokeUser, revokeUserSchema } from '@/lib/server/admin/revoke-user';

export const dynamic = 'force-dynamic';

/** POST { userId } → ends every portal session and CLI login of the user at once; audited. */
export const POST = adminMutation(revokeUserSchema, revokeUser);
