/**
 * Rotating SAML certificates + keys per purpose and connection: Rolegate's AWS IdP signing key, and each
 * upstream connection's SP signing/encryption keys. Same invariant as the OIDC issuer keys: a certificate
 * is in the metadata (as `next`) long before it signs, and stays there until what it signed has expired.
 */
import { randomUUID } from 'node:crypto';
import type { RotationPolicy } from '../../core/oidc/rotation';
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
  /** The key that signs (or decrypts) now. */
  active(): Promise<SamlKeyPair>;
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
  validityDays: number;
  retiredGraceSeconds: number;
  now: () => Date;
}


function policyFor(o: SamlKeyRingOptions): RotationPolicy {
  // Rotate 30 days before the certificate expires; the next one has been in the metadata since it was made.
  return { rotationDays: Math.max(1, o.validityDays - 30), prepublishSeconds: Math.min(30, o.validityDays / 2) * 86_400, retiredGraceSeconds: o.retiredGraceSeconds };
}

export function createSamlKeyRing(repo: SamlKeysRepo, box: SecretBox, o: SamlKeyRingOptions): SamlKeyRing {
  const ring = createKeyRing<SamlKeyRecord & { kid: string }, SamlKeyPair>({
    what: `SAML key (${o.purpose})`,
    policy: policyFor(o),
    now: o.now,
    list: async () => (await repo.listSamlKeys(o.purpose, o.connectionId)).map((k) => ({ ...k, kid: k.id })),
    activate: async (id, at) => void (await repo.activateSamlKey(id, at)),
    async createNext(at) {
      const cert = await generateSigningCertificate({ commonName: o.commonName, notBefore: new Date(at.getTime() - 60_000), validDays: o.validityDays });
      const id = randomUUID();
      await repo.insertSamlKey({ id, purpose: o.purpose, connectionId: o.connectionId, certPem: cert.certPem, privateKeyEnc: box.seal(cert.privateKeyPem, samlKeyAad(id)), status: 'next', notAfter: cert.notAfter, createdAt: at });
    },
    open: async (k) => ({ id: k.id, certPem: k.certPem, privateKeyPem: box.open(k.privateKeyEnc, samlKeyAad(k.id)) }),
  });
  return {
    active: () => ring.active(),
    async certificates() {
      const live = (await ring.keys()).filter((k) => k.status !== 'retired');
      return [...live.filter((k) => k.status === 'active'), ...live.filter((k) => k.status === 'next').slice(0, 1)].map((k) => k.certPem);
    },
  };
}
