/**
 * CLI logins (refresh-token families) as domain records, and the one way a login is created: a grant row
 * plus its first access and refresh token, written inside the caller's transaction (the device code is
 * consumed in the same one). Tokens arrive as hashes; the plaintext never reaches this layer.
 */
import { GatewayError } from '../../core/errors';
import type { IdentityClaims } from '../../core/types';
import type { CliGrant as GrantRow, Prisma } from '../generated/sqlite/client';
import { parseClaims, serializeClaims } from './claims';
import { present } from './db-call';

export type CliTokenKind = 'access' | 'refresh';

export interface CliGrantRecord {
  id: string;
  userId: string;
  idpId: string;
  clientId: string;
  claims: IdentityClaims;
  createdAt: Date;
  absoluteExpiresAt: Date;
  revokedAt?: Date;
  revokedReason?: string;
}

/** A new access + refresh token pair: SHA-256 hashes and the access token's expiry. */
export interface NewTokenPair {
  accessHash: string;
  refreshHash: string;
  /** Capped at the grant's absolute expiry. */
  accessExpiresAt: Date;
}

export interface NewCliLogin extends NewTokenPair {
  grantId: string;
  userId: string;
  idpId: string;
  clientId: string;
  claims: IdentityClaims;
  absoluteExpiresAt: Date;
}

/** What a successful login or rotation hands back (besides the plaintext tokens the caller holds). */
export interface IssuedTokens {
  grant: CliGrantRecord;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

export function toCliGrantRecord(row: GrantRow): CliGrantRecord {
  const claims = parseClaims(row.claims);
  // Claims written by this code always parse; a row that does not is refused rather than half-trusted.
  if (!claims) throw new GatewayError('INTERNAL', `CLI grant ${row.id} has unreadable claims`);
  return {
    id: row.id,
    userId: row.userId,
    idpId: row.idpId,
    clientId: row.clientId,
    claims,
    createdAt: row.createdAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
    revokedAt: present(row.revokedAt),
    revokedReason: present(row.revokedReason),
  };
}

/** Inserts the access and refresh token rows of a pair for `grant`, now. */
export async function insertTokenPair(tx: Prisma.TransactionClient, grant: CliGrantRecord, pair: NewTokenPair, now: Date): Promise<IssuedTokens> {
  const accessExpiresAt = new Date(Math.min(pair.accessExpiresAt.getTime(), grant.absoluteExpiresAt.getTime()));
  await tx.cliToken.createMany({
    data: [
      { id: pair.accessHash, grantId: grant.id, kind: 'access', createdAt: now, expiresAt: accessExpiresAt },
      { id: pair.refreshHash, grantId: grant.id, kind: 'refresh', createdAt: now, expiresAt: grant.absoluteExpiresAt },
    ],
  });
  return { grant, accessExpiresAt, refreshExpiresAt: grant.absoluteExpiresAt };
}

/** Creates the grant and its first token pair. Call inside a transaction. */
export async function insertCliLogin(tx: Prisma.TransactionClient, login: NewCliLogin, now: Date): Promise<IssuedTokens> {
  const row = await tx.cliGrant.create({
    data: {
      id: login.grantId,
      userId: login.userId,
      idpId: login.idpId,
      clientId: login.clientId,
      claims: serializeClaims(login.claims),
      createdAt: now,
      absoluteExpiresAt: login.absoluteExpiresAt,
    },
  });
  return insertTokenPair(tx, toCliGrantRecord(row), login, now);
}
