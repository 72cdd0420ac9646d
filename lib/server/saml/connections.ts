import 'server-only';
/**
 * Runtime SAML SP per configured connection: the IdP metadata (pasted, or fetched over https with a byte
 * cap and a timeout, refreshed hourly, failures backed off: metadata-fetch.ts), our SP signing/encryption keys from the database, and the samlify-backed validator
 * built once and reused (parsed metadata and imported keys are cached in it).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/config/diff';
import type { SamlConnectionConfig } from '../../core/config/schema';
import { GatewayError } from '../../core/errors';
import { acceptedNameIdFormats } from '../../core/saml/name-id';
import { createSamlSp } from '../../core/saml/sp';
import { parseIdpMetadata } from '../../core/saml/sp/metadata';
import { spUrls } from '../../core/saml/sp-urls';
import { timedFetch } from '../metrics';
import type { SamlSp } from '../../core/saml/sp/types';
import type { Container } from '../container';
import { createMetadataSource, type MetadataSource } from './metadata-fetch';
import { createSamlKeyRing, SP_KEY_LIFETIME, type SamlKeyRing } from './saml-keys';

export interface SamlConnectionRuntime {
  conn: SamlConnectionConfig;
  sp: SamlSp;
  spEntityId: string;
  acsUrl: string;
}

interface Cached {
  /** A hash of the connection's config: an admin's edit (metadata URL, IdP-initiated, skew…) starts afresh. */
  connKey: string;
  fingerprint: string;
  runtime: SamlConnectionRuntime;
}

const cache = new Map<string, Cached>();
const rings = new Map<string, { signing: SamlKeyRing; encryption: SamlKeyRing }>();


let source: { fetch: typeof fetch; metadata: MetadataSource } | undefined;

/** The IdP's metadata: pasted, or fetched through the bounded, failure-caching source (metadata-fetch.ts). */
export async function metadataFor(c: Container, conn: SamlConnectionConfig): Promise<{ xml: string; at: number }> {
  if (conn.metadataXml) return { xml: conn.metadataXml, at: Date.now() };
  if (source?.fetch !== c.fetch) source = { fetch: c.fetch, metadata: createMetadataSource({ fetch: timedFetch(c.fetch, 'saml-metadata'), check: (xml) => void parseIdpMetadata(xml) }) };
  // A fetch failure keeps the last good metadata rather than locking everyone out (inside the source).
  return source.metadata.get(conn.metadataUrl ?? '');
}

function keyRings(c: Container, conn: SamlConnectionConfig): { signing: SamlKeyRing; encryption: SamlKeyRing } {
  let r = rings.get(conn.id);
  if (!r) {
    const common = { connectionId: conn.id, ...SP_KEY_LIFETIME, now: c.now };
    r = {
      signing: createSamlKeyRing(c.repos.samlKeys, c.box, { ...common, purpose: 'sp-signing', commonName: `Rolegate SP ${conn.id} signing` }),
      encryption: createSamlKeyRing(c.repos.samlKeys, c.box, { ...common, purpose: 'sp-encryption', commonName: `Rolegate SP ${conn.id} encryption` }),
    };
    rings.set(conn.id, r);
  }
  return r;
}

export async function getSamlConnection(c: Container, id: string): Promise<SamlConnectionRuntime> {
  const conn = c.config.samlConnections.find((s) => s.id === id);
  if (!conn) throw new GatewayError('NOT_FOUND', `no SAML connection ${id.slice(0, 64)}`);
  const connKey = createHash('sha256').update(canonicalJson(conn)).digest('hex');
  const prior = cache.get(id);
  // Metadata fetched for another version of this connection (say, its old URL) is never reused.
  const cached = prior?.connKey === connKey ? prior : undefined;
  const { xml: metadataXml } = await metadataFor(c, conn);
  const { signing, encryption } = keyRings(c, conn);
  const [sign, enc] = await Promise.all([signing.active(), encryption.active()]);
  const fingerprint = createHash('sha256').update(connKey).update(metadataXml).update(sign.id).update(enc.id).digest('hex');
  if (cached?.fingerprint === fingerprint) return cached.runtime;
  const urls = spUrls(c.config.publicUrl, id);
  const sp = createSamlSp({
    ...urls,
    idpMetadataXml: metadataXml,
    spSigningKey: sign.privateKeyPem,
    spSigningCert: sign.certPem,
    spEncryptionKey: enc.privateKeyPem,
    spEncryptionCert: enc.certPem,
    allowIdpInitiated: conn.allowIdpInitiated,
    clockSkewSeconds: conn.clockSkewSeconds,
    DANGEROUSLY_ALLOW_SHA1: conn.DANGEROUSLY_ALLOW_SHA1,
    nameIdPolicy: conn.nameIdPolicy,
    nameIdFormats: acceptedNameIdFormats(conn),
  });
  const runtime = { conn, sp, ...urls };
  cache.set(id, { connKey, fingerprint, runtime });
  return runtime;
}
