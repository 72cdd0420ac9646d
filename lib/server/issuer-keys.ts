/**
 * Rolegate's issuer keys at run time: applies the rotation plan against the database, keeps the active
 * signer decrypted in memory, and serves the published JWKS. Private keys are stored sealed with the
 * row's kid as AAD; they are decrypted only here.
 */
import type { JWK } from 'jose';
import { generateSigningKey, importPrivateKey, type SigningKeyRecord } from '../core/oidc/keys';
import { planKeyRotation, publishedKeys, type RotationPolicy } from '../core/oidc/rotation';
import { GatewayError } from '../core/errors';
import type { SecretBox } from '../db/crypto';

export interface StoredSigningKey extends SigningKeyRecord {
  privateJwkEnc: string;
}

export interface SigningKeyStore {
  list(): Promise<StoredSigningKey[]>;
  /** `createdAt` comes from the same clock as the rotation plan (prepublish is measured from it). */
  insert(key: { kid: string; alg: 'RS256'; publicJwk: JWK; privateJwkEnc: string; status: 'next'; createdAt: Date }): Promise<void>;
  activate(kid: string, at: Date): Promise<void>;
}

export interface IssuerKeys {
  signer(): Promise<{ kid: string; key: CryptoKey | Uint8Array }>;
  published(): Promise<SigningKeyRecord[]>;
}

const REFRESH_MS = 60_000;
const aad = (kid: string) => `signing-key:${kid}`;

export function createIssuerKeys(store: SigningKeyStore, box: SecretBox, policy: RotationPolicy, now: () => Date): IssuerKeys {
  let loadedAt = 0;
  let keys: StoredSigningKey[] = [];
  let active: { kid: string; key: CryptoKey | Uint8Array } | undefined;
  let inflight: Promise<void> | undefined;

  async function sync(): Promise<void> {
    for (let step = 0; step < 3; step++) {
      keys = await store.list();
      const plan = planKeyRotation(keys, now(), policy);
      if (!plan.createNext && !plan.activate) break;
      if (plan.activate) await store.activate(plan.activate, now());
      if (plan.createNext) {
        const k = await generateSigningKey();
        await store.insert({ kid: k.kid, alg: 'RS256', publicJwk: k.publicJwk, privateJwkEnc: box.seal(k.privateJwkJson, aad(k.kid)), status: 'next', createdAt: now() });
      }
    }
    const current = keys.find((k) => k.status === 'active');
    if (!current) throw new GatewayError('SIGNING_KEY_UNAVAILABLE', 'no active signing key after rotation');
    if (active?.kid !== current.kid) {
      active = { kid: current.kid, key: await importPrivateKey(box.open(current.privateJwkEnc, aad(current.kid))) };
    }
    loadedAt = Date.now();
  }

  async function fresh(): Promise<void> {
    if (active && Date.now() - loadedAt < REFRESH_MS) return;
    inflight ??= sync().finally(() => (inflight = undefined));
    await inflight;
  }

  return {
    async signer() {
      await fresh();
      if (!active) throw new GatewayError('SIGNING_KEY_UNAVAILABLE');
      return active;
    },
    async published() {
      await fresh();
      return publishedKeys(keys, now(), policy);
    },
  };
}
