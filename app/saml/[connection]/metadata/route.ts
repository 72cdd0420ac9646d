import { getContainer } from '@/lib/server/container';
import { route } from '@/lib/server/http';
import { getSamlConnection } from '@/lib/server/saml/connections';

export const dynamic = 'force-dynamic';

/** Our SP metadata for this connection (entity id, ACS, signing and encryption certificates). */
export const GET = route(async (req) => {
  const connection = new URL(req.url).pathname.split('/')[2] ?? '';
  const rt = await getSamlConnection(await getContainer(), connection);
  return new Response(rt.sp.spMetadataXml(), { headers: { 'Content-Type': 'application/samlmetadata+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
});
