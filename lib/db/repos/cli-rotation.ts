/**
 * Refresh-token rotation (OAuth 2.0 Security BCP §4.14.2): a refresh token is used once and replaced by a
 * new pair. Presenting a token that was already used means two parties hold the family — the legitimate
 * CLI and whoever copied it — so the whole grant is revoked and every token of it stops working.
 */
import type { Db } from '../client';
import { insertTokenPair, toCliGrantRecord, type CliGrantRecord, type IssuedTokens, type NewTokenPair } from './cli-grant-record';
import { dbCall } from './db-call';

export type RotationResult =
  | ({ kind: 'rotated' } & IssuedTokens)
  /** A used refresh token came back. `revoked`: this call revoked the grant (it was still live). */
  | { kind: 'reused'; grant: CliGrantRecord; revoked: boolean }
  /** Unknown, not a refresh token, expired, or its grant is revoked or past its absolute expiry. */
  | { kind: 'invalid'; grant?: CliGrantRecord };

/**
 * One transaction that starts with the conditional write (unused, unexpired refresh token of a live grant
 * → used), so of concurrent rotations of one token exactly one wins; the others see it used, which is
 * reuse. The reuse revocation commits with the transaction (it returns, it does not throw).
 */
export function rotateRefreshToken(db: Db, hash: string, now: Date, next: NewTokenPair): Promise<RotationResult> {
  return dbCall('rotateRefreshToken', () =>
    db.$transaction(async (tx): Promise<RotationResult> => {
      const { count } = await tx.cliToken.updateMany({
        where: { id: hash, kind: 'refresh', usedAt: null, expiresAt: { gt: now }, grant: { revokedAt: null, absoluteExpiresAt: { gt: now } } },
        data: { usedAt: now, replacedBy: next.refreshHash },
      });
      const token = await tx.cliToken.findUnique({ where: { id: hash }, include: { grant: true } });
      if (!token || token.kind !== 'refresh') return { kind: 'invalid' };
      const grant = toCliGrantRecord(token.grant);
      if (count === 1) return { kind: 'rotated', ...(await insertTokenPair(tx, grant, next, now)) };
      if (token.usedAt === null) return { kind: 'invalid', grant };
      const revoked = await tx.cliGrant.updateMany({
        where: { id: grant.id, revokedAt: null },
        data: { revokedAt: now, revokedReason: 'refresh-token-reuse' },
      });
      return { kind: 'reused', grant, revoked: revoked.count === 1 };
    }),
  );
}
