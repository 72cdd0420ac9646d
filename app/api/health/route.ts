import { NextResponse } from 'next/server';
import { getContainer } from '@/lib/server/container';

export const dynamic = 'force-dynamic';

/** Liveness + readiness: the config loaded, the database answers and a signing key is available. */
export async function GET(): Promise<Response> {
  try {
    const c = await getContainer();
    await c.keys.published();
    return NextResponse.json({ status: 'ok', demo: c.env.demo }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return NextResponse.json({ status: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
