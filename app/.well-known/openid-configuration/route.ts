import { NextResponse } from 'next/server';
import { discoveryDocument } from '@/lib/core/oidc/discovery';
import { getContainer } from '@/lib/server/container';
import { route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** OIDC discovery for Rolegate as the issuer IAM trusts (public; AWS fetches it). */
export const GET = route(async () => {
  const c = await getContainer();
  return NextResponse.json(discoveryDocument(c.config.publicUrl), { headers: { 'Cache-Control': 'public, max-age=300' } });
});
