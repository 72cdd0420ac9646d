import { NextResponse } from 'next/server';
import { adminMutation, adminRead } from '@/lib/server/admin/route';
import { createGrantSchema, grantJson, requestGrant } from '@/lib/server/admin/grants';

export const dynamic = 'force-dynamic';

/** GET → the newest grants (pending, active and ended), as JSON. Admins only. */
export const GET = adminRead(async ({ c }) => NextResponse.json({ grants: (await c.repos.roleGrants.listGrants()).map(grantJson) }));

/** POST { roleId, email | userId, reason, startsAt?, endsAt | durationMinutes, requiredApprovals } → the new grant. */
export const POST = adminMutation(createGrantSchema, requestGrant);
