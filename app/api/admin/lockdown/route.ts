import { NextResponse } from 'next/server';
import { lockdownJson, lockdownSchema, switchLockdown } from '@/lib/server/admin/lockdown';
import { adminMutation, adminRead } from '@/lib/server/admin/route';

export const dynamic = 'force-dynamic';

/** GET → the lock-down state. Admins only. */
export const GET = adminRead(async ({ c }) => NextResponse.json({ lockdown: lockdownJson(await c.repos.settings.getLockdown()) }));

/** POST { enabled: true, reason } | { enabled: false, reason? } → the new state; audited. */
export const POST = adminMutation(lockdownSchema, switchLockdown);
