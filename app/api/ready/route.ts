import { NextResponse } from 'next/server';
import { getContainer } from '@/lib/server/container';
import { checkReadiness } from '@/lib/server/readiness';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when this instance can serve now, else 503 with the reason's code (lib/server/readiness.ts). */
export async function GET(): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' };
  // One container (and one config sync) per probe; checkReadiness awaits it first, so a failure is its code.
  const container = getContainer();
  const result = await checkReadiness({
    liveRevision: async () => (await container).configRevision,
    headRevision: async () => (await (await container).repos.configRevisions.head())?.revision,
    publishedKeys: async () => (await container).keys.published(),
  });
  return NextResponse.json(result, { status: result.status === 'ready' ? 200 : 503, headers });
}
