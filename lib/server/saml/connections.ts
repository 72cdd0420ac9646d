import 'server-only';
/**
 * Runtime SAML SP per configured connection: the IdP metadata (pasted, or fetched over https and
 * refreshed hourly), our SP signing/encryption keys from the database, and the samlify-backed validator
 * built once and reused (parsed metadata and imported keys are cached in it).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/config/diff';
import type { SamlConnectionConfig } from '../../core/config/schema';
import { GatewayError } from '../../core/errors';
import { createSamlSp, ensureSamlifyHooks } from '../../core/saml/sp';
import { getLogger } from '../logger';
import type { SamlSp } from '../../core/saml/sp/types';
import type { Container } from '../container';
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
  metadataAt: number;
  metadataXml: string;
}

const METADATA_TTL_MS = 3_600_000;
let hooksLogged = false;

/** Says once which engine speed-ups are active: a bundler layout that defeats one shows here, not as a silent slowdown. */
function logEngineHooks(): void {
  if (hooksLogged) return;
  hooksLogged = true;
  getLogger().info({ samlEngineHooks: ensureSamlifyHooks() }, 'SAML engine hooks');
}
const cache = new Map<string, Cached>();
const rings = new Map<string, { signing: SamlKeyRing; encryption: SamlKeyRing }>();

export function spUrls(publicUrl: string, id: string): { spEntityId: string; acsUrl: string } {
  return { spEntityId: `${publicUrl}/saml/${id}/metadata`, acsUrl: `${publicUrl}/saml/${id}/acs` };
}

export async function metadataFor(c: Container, conn: SamlConnectionConfig, cached: Cached | undefined): Promise<{ xml: string; at: number }> {
  if (conn.metadataXml) return { xml: conn.metadataXml, at: Date.now() };
  if (cached && Date.now() - cached.metadataAt < METADATA_TTL_MS) return { xml: cached.metadataXml, at: cached.metadataAt };
  try {
    const res = await c.fetch(conn.metadataUrl ?? '', { signal: AbortSignal.timeout(10_000), redirect: 'error' });
    const text = await res.text();
    if (!res.ok || text.length > 1_000_000) throw new Error(`metadata HTTP ${res.status}`);
    return { xml: text, at: Date.now() };
  } catch (cause) {
    // A fetch failure keeps the last good metadata rather than locking everyone out.
    if (cached) return { xml: cached.metadataXml, at: cached.metadataAt };
    throw new GatewayError('SAML_METADATA_INVALID', `cannot fetch metadata of ${conn.id}`, { cause });
  }
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
  const { xml: metadataXml, at: metadataAt } = await metadataFor(c, conn, cached);
  const { signing, encryption } = keyRings(c, conn);
  const [sign, enc] = await Promise.all([signing.active(), encryption.active()]);
  const fingerprint = createHash('sha256').update(connKey).update(metadataXml).update(sign.id).update(enc.id).digest('hex');
  if (cached?.fingerprint === fingerprint) {
    cached.metadataAt = metadataAt;
    return cached.runtime;
  }
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
  });
  logEngineHooks();
  const runtime = { conn, sp, ...urls };
  cache.set(id, { connKey, fingerprint, runtime, metadataXml, metadataAt });
  return runtime;
}
