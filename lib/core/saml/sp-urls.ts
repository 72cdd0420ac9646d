/**
 * Rolegate's SAML SP identity per connection: one SP per upstream IdP, so each IdP gets its own entity id
 * and ACS (IdPs that key relying parties by entity id can hold several Rolegate connections). The entity
 * id is the URL of the SP metadata (SAML 2.0 Metadata §4.1, well-known location), the ACS takes HTTP-POST,
 * the SingleLogoutService HTTP-Redirect and HTTP-POST (issue 13 §5).
 */
export function spUrls(publicUrl: string, connectionId: string): { spEntityId: string; acsUrl: string; sloUrl: string } {
  const base = `${publicUrl}/saml/${connectionId}`;
  return { spEntityId: `${base}/metadata`, acsUrl: `${base}/acs`, sloUrl: `${base}/slo` };
}
