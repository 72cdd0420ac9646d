import { adminMutation } from '@/lib/server/admin/route';
import { revokeGrant, revokeGrantSchema } from '@/lib/server/admin/grants';

export const dynamic = 'force-dynamic';

/** POST { grantId } → the grant, revoked: issuance refuses it from this moment. */
export const POST = adminMutation(revokeGrantSchema, revokeGrant);
