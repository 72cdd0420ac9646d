import { NextResponse } from 'next/server';
import { getEnv } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

/**
 * Liveness: the process answers (no database, no config: an instance whose database is down is alive,
 * just not ready — see /api/ready, lib/server/readiness.ts).
 */
export function GET(): Response {
  return NextResponse.json({ status: 'ok', demo: getEnv().demo }, { headers: { 'Cache-Control': 'no-store' } });
}
