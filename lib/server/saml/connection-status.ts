import 'server-only';
/**
 * What an admin needs to see of each SAML connection (issue 5 §2): the IdP's entity id, its signing
 * certificates' expiry and the metadata's validUntil, with warnings 30 days ahead — read from the same
 * metadata the sign-in uses (fetched and cached, or pasted). A metadata problem is reported, not thrown.
 */
import type { SamlConnectionConfig } from '../../core/config/schema';
import { isGatewayError } from '../../core/errors';
import { parseIdpMetadata } from '../../core/saml/sp/metadata';
import { expiryOf, type Expiry } from '../../core/saml/sp/metadata-expiry';
import type { Container } from '../container';

export type { Expiry };
import { metadataFor } from './connections';


export interface SamlConnectionStatus {
  id: string;
  entityId?: string;
  source: 'url' | 'pasted';
  fetchedAt?: Date;
  certs: { subject: string; notAfter: Date; expiry: Expiry }[];
  validUntil?: { at: Date; expiry: Expiry };
  problem?: string;
}

export async function samlConnectionStatus(c: Container, conn: SamlConnectionConfig): Promise<SamlConnectionStatus> {
  const now = c.now();
  const base = { id: conn.id, source: conn.metadataXml ? ('pasted' as const) : ('url' as const), certs: [] };
  try {
    const { xml, at } = await metadataFor(c, conn);
    const md = parseIdpMetadata(xml);
    return {
      ...base,
      entityId: md.entityId,
      fetchedAt: base.source === 'url' ? new Date(at) : undefined,
      certs: md.signingCerts.map((cert) => ({ subject: cert.subject, notAfter: cert.notAfter, expiry: expiryOf(cert.notAfter, now) })),
      validUntil: md.validUntil ? { at: md.validUntil, expiry: expiryOf(md.validUntil, now) } : undefined,
    };
  } catch (err) {
    return { ...base, problem: isGatewayError(err) ? err.message : 'the metadata could not be read' };
  }
}
