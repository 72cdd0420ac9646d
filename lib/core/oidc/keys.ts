/**
 * RS256 signing keys of Rolegate's OIDC issuer (the issuer IAM trusts for AssumeRoleWithWebIdentity).
 * AWS accepts RS256 with a `kid` (AWS-FACTS §1.3); the kid is the RFC 7638 JWK thumbprint.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export type KeyStatus = 'next' | 'active' | 'retired';

export interface SigningKeyRecord {
  kid: string;
  alg: 'RS256';
  publicJwk: JWK;
  status: KeyStatus;
  createdAt: Date;
  activatedAt?: Date;
  retiredAt?: Date;
}

export interface NewSigningKey {
  kid: string;
  alg: 'RS256';
  publicJwk: JWK;
  /** Private JWK as JSON text: the caller must encrypt it before storing it. */
  privateJwkJson: string;
}

export async function generateSigningKey(): Promise<NewSigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const pub = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(pub, 'sha256');
  const publicJwk: JWK = { ...pub, kid, alg: 'RS256', use: 'sig' };
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  return { kid, alg: 'RS256', publicJwk, privateJwkJson: JSON.stringify(privateJwk) };
}

/** Imports a decrypted private JWK for signing. */
export async function importPrivateKey(privateJwkJson: string): Promise<CryptoKey | Uint8Array> {
  const jwk = JSON.parse(privateJwkJson) as JWK;
  return importJWK(jwk, 'RS256');
}
