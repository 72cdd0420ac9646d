/** Signing keys as the rest of Rolegate sees them, and their mapping to and from the table's rows. */
import type { JWK } from 'jose';
import { GatewayError } from '../../core/errors';
import { isSealedSecret } from '../crypto';
import type { SigningKey as SigningKeyRow } from '../generated/sqlite/client';
import { present } from './db-call';
import { parsePublicJwk, serializePublicJwk } from './jwk';

export type SigningKeyStatus = 'next' | 'active' | 'retired';
/** AWS STS accepts RS256 web identity tokens; nothing else is stored. */
export type SigningAlg = 'RS256';

export interface SigningKeyRecord {
  kid: string;
  alg: SigningAlg;
  publicJwk: JWK;
  /** `SecretBox.seal(privateJwkJson, kid)` */
  privateJwkEnc: string;
  status: SigningKeyStatus;
  createdAt: Date;
  activatedAt?: Date;
  retiredAt?: Date;
}

export interface NewSigningKey {
  kid: string;
  alg: SigningAlg;
  publicJwk: JWK;
  privateJwkEnc: string;
  /** 'active' only for the very first key (nothing signed yet); later keys start as 'next'. */
  status: 'next' | 'active';
  createdAt?: Date;
}

function isStatus(value: string): value is SigningKeyStatus {
  return value === 'next' || value === 'active' || value === 'retired';
}

export function toSigningKeyRecord(row: SigningKeyRow): SigningKeyRecord {
  const { alg, status } = row;
  if (alg !== 'RS256' || !isStatus(status)) {
    throw new GatewayError('INTERNAL', `signing key ${row.kid} has alg ${alg}, status ${status}`);
  }
  return {
    kid: row.kid,
    alg,
    publicJwk: parsePublicJwk(row.kid, row.publicJwk),
    privateJwkEnc: row.privateJwkEnc,
    status,
    createdAt: row.createdAt,
    activatedAt: present(row.activatedAt),
    retiredAt: present(row.retiredAt),
  };
}

/** The row to insert, after refusing anything that would put key material in the clear. */
export function newSigningKeyRow(key: NewSigningKey): SigningKeyRow {
  checkNewKey(key);
  const createdAt = key.createdAt ?? new Date();
  return {
    kid: key.kid,
    alg: key.alg,
    publicJwk: serializePublicJwk(key.kid, key.publicJwk),
    privateJwkEnc: key.privateJwkEnc,
    status: key.status,
    createdAt,
    activatedAt: key.status === 'active' ? createdAt : null,
    retiredAt: null,
  };
}

function checkNewKey(key: NewSigningKey): void {
  if (key.alg !== 'RS256')
    throw new GatewayError('INTERNAL', `unsupported signing alg ${String(key.alg)}`);
  if (!isSealedSecret(key.privateJwkEnc)) {
    throw new GatewayError(
      'INTERNAL',
      `private JWK of ${key.kid} is not sealed; refusing to store it`,
    );
  }
}
