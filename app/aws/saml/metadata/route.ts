import { awsIdpMetadataXml } from '@/lib/core/saml/aws/metadata';
import { getContainer } from '@/lib/server/container';
import { route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * Rolegate's IdP metadata for IAM CreateSAMLProvider: entity id, the active signing certificate and the
 * next one (published before it signs), the SSO location. Public: it holds only public keys.
 */
export const GET = route(async () => {
  const c = await getContainer();
  const xml = awsIdpMetadataXml({
    entityId: c.config.samlIdp.entityId,
    ssoUrl: `${c.config.publicUrl}/roles`,
    certificatesPem: await c.samlIdpKeys.certificates(),
    allowHttp: c.config.DANGEROUSLY_ALLOW_HTTP,
  });
  return new Response(xml, {
    headers: { 'Content-Type': 'application/samlmetadata+xml; charset=utf-8', 'Content-Disposition': 'inline; filename="rolegate-idp-metadata.xml"', 'Cache-Control': 'public, max-age=300' },
  });
});
