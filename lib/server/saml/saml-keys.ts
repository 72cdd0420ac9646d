/**
 * Rotating SAML certificates + keys per purpose and connection: Rolegate's AWS IdP signing key, and each
 * upstream connection's SP signing/encryption keys. Same invariant as the OIDC issuer keys: a certificate
 * is in the metadata (as `next`) long before it signs, and stays there until what it signed has expired.
 */
import { randomUUID } from 'node:crypto';
import { rotationDaysWithin } from '../../core/oidc/key-lifetime';
import { nextInLine, publishedKeys, type RotationPolicy } from '../../core/oidc/rotation';
import { generateSigningCertificate } from '../../core/saml/certificate';
import type { SecretBox } from '../../db/crypto';
import { createKeyRing } from '../key-ring';
import { samlKeyAad, type SamlKeyPurpose, type SamlKeyRecord, type SamlKeysRepo } from '../../db/repos/saml-keys';

export interface SamlKeyPair {
  id: string;
  certPem: string;
  privateKeyPem: string;
}

export interface SamlKeyRing {
  /** The key that signs (or decrypts) now: always within its certificate's validity. */
  active(): Promise<SamlKeyPair>;
  /** Every stored key (for expiry warnings), as of the last refresh. */
  keys(): Promise<SamlKeyRecord[]>;
  /**
   * Certificates for the metadata: the active one first, then the next one. (Retired certificates are not
   * listed: AWS checks an assertion when it arrives, ≤ 5 minutes after signing, against uploaded metadata.)
   */
  certificates(): Promise<string[]>;
}

export interface SamlKeyRingOptions {
  purpose: SamlKeyPurpose;
  connectionId: string | null;
  commonName: string;
  /** The longest a certificate may be valid: it waits as next, is active, then overlaps (key-lifetime.ts). */
  validityDays: number;
  retiredGraceSeconds: number;
  now: () => Date;
}


/** Lifetime of each connection's SP signing/encryption certificates (the upstream IdP holds them). */
export const SP_KEY_LIFETIME = { validityDays: 730, retiredGraceSeconds: 3600 } as const;

/** Lifetime of the AWS IdP signing certificate: what IAM verifies assertions with. */
export function idpKeyLifetime(samlIdp: { certValidityDays: number; assertionLifetimeSeconds: number }) {
  // Grace: an assertion is checked by AWS within its lifetime + AWS's 5 minute skew.
  return { validityDays: samlIdp.certValidityDays, retiredGraceSeconds: samlIdp.assertionLifetimeSeconds + 300 };
}

/** The rotation that keeps every certificate within `validityDays`, from creation to the end of its overlap. */
export function samlRotationPolicy(o: Pick<SamlKeyRingOptions, 'validityDays' | 'retiredGraceSeconds'>): RotationPolicy {
  const rotationDays = rotationDaysWithin(o.validityDays, o.retiredGraceSeconds);
  // A new certificate is in the metadata for ≥ 30 days (or half a period) before it signs.
  return { rotationDays, prepublishSeconds: Math.min(30, rotationDays / 2) * 86_400, retiredGraceSeconds: o.retiredGraceSeconds };
}

export function createSamlKeyRing(repo: SamlKeysRepo, box: SecretBox, o: SamlKeyRingOptions): SamlKeyRing {
  const policy = samlRotationPolicy(o);
  const ring = createKeyRing<SamlKeyRecord & { kid: string }, SamlKeyPair>({
    what: `SAML key (${o.purpose})`,
    policy,
    now: o.now,
    list: async () => (await repo.listSamlKeys(o.purpose, o.connectionId)).map((k) => ({ ...k, kid: k.id })),
    activate: async (id, at) => void (await repo.activateSamlKey(id, at)),
    async createNext(at, notAfter, seenNextCount) {
      const notBefore = new Date(Math.floor(at.getTime() / 1000) * 1000 - 60_000);
      const cert = await generateSigningCertificate({ commonName: o.commonName, notBefore, notAfter });
      const id = randomUUID();
      await repo.insertSamlKey({ id, purpose: o.purpose, connectionId: o.connectionId, certPem: cert.certPem, privateKeyEnc: box.seal(cert.privateKeyPem, samlKeyAad(id)), status: 'next', notAfter: cert.notAfter, createdAt: at }, { whenNextCount: seenNextCount });
    },
    open: async (k) => ({ id: k.id, certPem: k.certPem, privateKeyPem: box.open(k.privateKeyEnc, samlKeyAad(k.id)) }),
  });
  return {
    active: () => ring.active(),
    keys: () => ring.keys(),
    async certificates() {
      const keys = await ring.keys();
      const now = o.now();
      const live = publishedKeys(keys, now, policy);
      const next = nextInLine(live, now, policy);
      return [...live.filter((k) => k.status === 'active'), ...(next ? [next] : [])].map((k) => k.certPem);
    },
  };
}
