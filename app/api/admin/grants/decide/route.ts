import { adminMutation } from '@/lib/server/admin/route';
import { decideGrantSchema, decideOnGrant } from '@/lib/server/admin/grants';

export const dynamic = 'force-dynamic';

/**
 * POST { grantId, decision: approve | reject }. The server decides who may: an admin who is neither the
 * requester nor the grantee and has not decided yet (GRANT_SELF_APPROVAL / GRANT_ALREADY_DECIDED otherwise).
 */
export const POST = adminMutation(decideGrantSchema, decideOnGrant);
