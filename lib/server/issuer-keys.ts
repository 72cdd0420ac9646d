/**
 * Rolegate's issuer keys at run time: applies the rotation plan against the database, keeps the active
 * signer decrypted in memory, and serves the published JWKS. Private keys are stored sealed with the
 * row's kid as AAD; they are decrypted only here.
 */
import type { JWK } from 'jose';
import { generateSigningKey, importPrivateKey, type SigningKeyRecord } from '../core/oidc/keys';
import { publishedKeys, type RotationPolicy } from '../core/oidc/rotation';
import type { SecretBox } from '../db/crypto';
import type { SigningKeysRepo } from '../db/repos/signing-keys';
import { createKeyRing } from './key-ring';

export interface StoredSigningKey extends SigningKeyRecord {
  privateJwkEnc: string;
}

export interface SigningKeyStore {
  list(): Promise<StoredSigningKey[]>;
  /** `createdAt` comes from the same clock as the rotation plan (prepublish is measured from it). */
  /** Inserts only while `whenNextCount` keys are in status 'next' (else DB_CONFLICT). */
  insert(key: { kid: string; alg: 'RS256'; publicJwk: JWK; privateJwkEnc: string; status: 'next'; createdAt: Date }, whenNextCount: number): Promise<void>;
  activate(kid: string, at: Date): Promise<void>;
}

/** The store over the signing-keys repository, as the container and the tests wire it. */
export function signingKeyStore(repo: SigningKeysRepo): SigningKeyStore {
  return {
    list: () => repo.listSigningKeys(),
    insert: async (k, whenNextCount) => void (await repo.insertSigningKey(k, { whenNextCount })),
    activate: async (kid, at) => void (await repo.activateKey(kid, at)),
  };
}

export interface IssuerKeys {
  signer(): Promise<{ kid: string; key: CryptoKey | Uint8Array }>;
  published(): Promise<SigningKeyRecord[]>;
}

const aad = (kid: string) => `signing-key:${kid}`;

export function createIssuerKeys(store: SigningKeyStore, box: SecretBox, policy: RotationPolicy, now: () => Date): IssuerKeys {
  const ring = createKeyRing<StoredSigningKey, { kid: string; key: CryptoKey | Uint8Array }>({
    what: 'OIDC signing key',
    policy,
    now,
    list: () => store.list(),
    activate: (kid, at) => store.activate(kid, at),
    async createNext(at, _notAfter, seenNextCount) {
      const k = await generateSigningKey();
      await store.insert({ kid: k.kid, alg: 'RS256', publicJwk: k.publicJwk, privateJwkEnc: box.seal(k.privateJwkJson, aad(k.kid)), status: 'next', createdAt: at }, seenNextCount);
    },
    open: async (k) => ({ kid: k.kid, key: await importPrivateKey(box.open(k.privateJwkEnc, aad(k.kid))) }),
  });
  return {
    signer: () => ring.active(),
    published: async () => publishedKeys(await ring.keys(), now(), policy),
  };
}
