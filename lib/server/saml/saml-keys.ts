/**
 * Rotating SAML certificates + keys per purpose and connection: Rolegate's AWS IdP signing key, and each
 * upstream connection's SP signing/encryption keys. Same invariant as the OIDC issuer keys: a certificate
 * is in the metadata (as `next`) long before it signs, and stays there until what it signed has expired.
 */
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../core/errors';
import { planKeyRotation, type RotationPolicy } from '../../core/oidc/rotation';
import { generateSigningCertificate } from '../../core/saml/certificate';
import type { SecretBox } from '../../db/crypto';
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

const REFRESH_MS = 60_000;

function policyFor(o: SamlKeyRingOptions): RotationPolicy {
  // Rotate 30 days before the certificate expires; the next one has been in the metadata since it was made.
  return { rotationDays: Math.max(1, o.validityDays - 30), prepublishSeconds: Math.min(30, o.validityDays / 2) * 86_400, retiredGraceSeconds: o.retiredGraceSeconds };
}

export function createSamlKeyRing(repo: SamlKeysRepo, box: SecretBox, o: SamlKeyRingOptions): SamlKeyRing {
  const policy = policyFor(o);
  let keys: SamlKeyRecord[] = [];
  let active: SamlKeyPair | undefined;
  let loadedAt = 0;
  let inflight: Promise<void> | undefined;
  const asRotating = (k: SamlKeyRecord) => ({ ...k, kid: k.id });

  async function sync(): Promise<void> {
    for (let step = 0; step < 3; step++) {
      keys = await repo.listSamlKeys(o.purpose, o.connectionId);
      const plan = planKeyRotation(keys.map(asRotating), o.now(), policy);
      if (!plan.createNext && !plan.activate) break;
      if (plan.activate) await repo.activateSamlKey(plan.activate, o.now());
      if (plan.createNext) {
        const cert = await generateSigningCertificate({ commonName: o.commonName, notBefore: new Date(o.now().getTime() - 60_000), validDays: o.validityDays });
        const id = randomUUID();
        await repo.insertSamlKey({ id, purpose: o.purpose, connectionId: o.connectionId, certPem: cert.certPem, privateKeyEnc: box.seal(cert.privateKeyPem, samlKeyAad(id)), status: 'next', notAfter: cert.notAfter, createdAt: o.now() });
      }
    }
    const current = keys.find((k) => k.status === 'active');
    if (!current) throw new GatewayError('SIGNING_KEY_UNAVAILABLE', `no active SAML key for ${o.purpose}`);
    if (active?.id !== current.id) {
      active = { id: current.id, certPem: current.certPem, privateKeyPem: box.open(current.privateKeyEnc, samlKeyAad(current.id)) };
    }
    loadedAt = Date.now();
  }

  async function fresh(): Promise<void> {
    if (active && Date.now() - loadedAt < REFRESH_MS) return;
    inflight ??= sync().finally(() => (inflight = undefined));
    await inflight;
  }

  return {
    async active() {
      await fresh();
      if (!active) throw new GatewayError('SIGNING_KEY_UNAVAILABLE');
      return active;
    },
    async certificates() {
      await fresh();
      const live = keys.filter((k) => k.status !== 'retired');
      return [...live.filter((k) => k.status === 'active'), ...live.filter((k) => k.status === 'next').slice(0, 1)].map((k) => k.certPem);
    },
  };
}
