/** SAML keys as the rest of Rolegate sees them, and their mapping to and from the table's rows. */
import { GatewayError } from '../../core/errors';
import { isSealedSecret } from '../crypto';
import type { SamlKey as SamlKeyRow } from '../generated/sqlite/client';
import { present } from './db-call';

/** aws-idp-signing: Rolegate as the SAML IdP IAM trusts (one per deployment, no connection). */
export type SamlKeyPurpose = 'aws-idp-signing' | 'sp-signing' | 'sp-encryption';
export type SamlKeyStatus = 'next' | 'active' | 'retired';

export interface SamlKeyRecord {
  id: string;
  purpose: SamlKeyPurpose;
  /** Absent for the AWS IdP key; the upstream connection for SP keys. */
  connectionId?: string;
  certPem: string;
  /** `SecretBox.seal(privateKeyPem, samlKeyAad(id))` */
  privateKeyEnc: string;
  status: SamlKeyStatus;
  createdAt: Date;
  activatedAt?: Date;
  retiredAt?: Date;
  /** The certificate's notAfter. */
  notAfter: Date;
}

export interface NewSamlKey {
  id: string;
  purpose: SamlKeyPurpose;
  /** null for 'aws-idp-signing', required for the SP purposes. */
  connectionId: string | null;
  certPem: string;
  privateKeyEnc: string;
  /** 'active' only when no key of this purpose + connection is active; otherwise 'next'. */
  status: 'next' | 'active';
  notAfter: Date;
  createdAt?: Date;
}

/** The AAD a SAML key's private key is sealed with: binds the ciphertext to its row. */
export const samlKeyAad = (id: string): string => `saml-key:${id}`;

const PURPOSES: readonly string[] = [
  'aws-idp-signing',
  'sp-signing',
  'sp-encryption',
] satisfies SamlKeyPurpose[];
const STATUSES: readonly string[] = ['next', 'active', 'retired'] satisfies SamlKeyStatus[];
export const isSamlKeyPurpose = (v: string): v is SamlKeyPurpose => PURPOSES.includes(v);
const isStatus = (v: string): v is SamlKeyStatus => STATUSES.includes(v);

export function toSamlKeyRecord(row: SamlKeyRow): SamlKeyRecord {
  const { purpose, status } = row;
  if (!isSamlKeyPurpose(purpose) || !isStatus(status)) {
    throw new GatewayError(
      'INTERNAL',
      `SAML key ${row.id} has purpose ${purpose}, status ${status}`,
    );
  }
  return {
    id: row.id,
    purpose,
    connectionId: present(row.connectionId),
    certPem: row.certPem,
    privateKeyEnc: row.privateKeyEnc,
    status,
    createdAt: row.createdAt,
    activatedAt: present(row.activatedAt),
    retiredAt: present(row.retiredAt),
    notAfter: row.notAfter,
  };
}

/** The row to insert, after refusing anything that would put key material in the clear. */
export function newSamlKeyRow(key: NewSamlKey): SamlKeyRow {
  checkNewKey(key);
  const createdAt = key.createdAt ?? new Date();
  return {
    id: key.id,
    purpose: key.purpose,
    connectionId: key.connectionId,
    certPem: key.certPem,
    privateKeyEnc: key.privateKeyEnc,
    status: key.status,
    createdAt,
    activatedAt: key.status === 'active' ? createdAt : null,
    retiredAt: null,
    notAfter: key.notAfter,
  };
}

function checkNewKey(key: NewSamlKey): void {
  const refuse = (why: string) => new GatewayError('INTERNAL', `SAML key ${key.id}: ${why}`);
  // Checked at runtime too: callers with widened strings must not write unknown values.
  if (!isSamlKeyPurpose(key.purpose)) throw refuse(`unknown purpose ${String(key.purpose)}`);
  if (key.status !== 'next' && key.status !== 'active')
    throw refuse(`new key in status ${key.status}`);
  if ((key.purpose === 'aws-idp-signing') !== (key.connectionId === null)) {
    throw refuse('only the aws-idp-signing key has no connection');
  }
  if (!isSealedSecret(key.privateKeyEnc))
    throw refuse('private key is not sealed; refusing to store it');
  if (!key.certPem.includes('-----BEGIN CERTIFICATE-----') || /PRIVATE KEY/.test(key.certPem)) {
    throw refuse('certPem must be a PEM certificate and nothing private');
  }
}
