import { NextResponse } from 'next/server';
import { jwksDocument } from '@/lib/core/oidc/discovery';
import { getContainer } from '@/lib/server/container';
import { route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** The issuer's public keys: next, active and recently retired (see lib/core/oidc/rotation.ts). */
export const GET = route(async () => {
  const c = await getContainer();
  return NextResponse.json(jwksDocument(await c.keys.published()), { headers: { 'Cache-Control': 'public, max-age=60' } });
});
