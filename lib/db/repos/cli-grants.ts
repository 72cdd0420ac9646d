/**
 * CLI logins after they exist: bearer lookup of an access token, refresh-token rotation with reuse
 * detection, and revocation. Tokens are looked up by their SHA-256 (the primary key): the plaintext is
 * never stored, and an index lookup on a hash of a 256-bit random value leaks nothing through timing.
 */
import type { Db } from '../client';
import { toCliGrantRecord, type CliGrantRecord } from './cli-grant-record';
import { rotateRefreshToken } from './cli-rotation';
import { dbCall } from './db-call';
import { toUserRecord, type UserRecord } from './users';

export type { CliGrantRecord, CliTokenKind, IssuedTokens, NewCliLogin, NewTokenPair } from './cli-grant-record';
export type { RotationResult } from './cli-rotation';

export interface ActiveAccessToken {
  grant: CliGrantRecord;
  user: UserRecord;
  expiresAt: Date;
}

/** Why a grant was revoked; stored with it. */
export type RevokeReason = 'logout' | 'refresh-token-reuse' | 'admin' | 'user-revoked' | 'connection-disabled';

export function createCliGrantsRepo(db: Db) {
  const liveGrant = (now: Date) => ({ revokedAt: null, absoluteExpiresAt: { gt: now } });

  async function revokeWhere(where: { id?: string; userId?: string }, now: Date, reason: RevokeReason): Promise<number> {
    const { count } = await dbCall('revokeCliGrants', () =>
      db.cliGrant.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } }),
    );
    return count;
  }

  return {
    /** The access token if it exists, is unexpired and its grant is neither revoked nor past its absolute expiry. */
    async findActiveAccessToken(hash: string, now: Date): Promise<ActiveAccessToken | null> {
      const row = await dbCall('findActiveAccessToken', () =>
        db.cliToken.findFirst({
          where: { id: hash, kind: 'access', expiresAt: { gt: now }, grant: liveGrant(now) },
          include: { grant: { include: { user: true } } },
        }),
      );
      if (!row) return null;
      return { grant: toCliGrantRecord(row.grant), user: toUserRecord(row.grant.user), expiresAt: row.expiresAt };
    },

    rotateRefreshToken: (hash: string, now: Date, next: Parameters<typeof rotateRefreshToken>[3]) => rotateRefreshToken(db, hash, now, next),

    /** Revokes one grant; true if this call revoked it. */
    revokeCliGrant: async (grantId: string, now: Date, reason: RevokeReason) => (await revokeWhere({ id: grantId }, now, reason)) === 1,

    /**
     * Revokes the grant of any token of the family — access or refresh, used or expired (logout must work
     * with whatever the CLI still holds). The grant if this call revoked it; null for an unknown token or
     * a grant already revoked.
     */
    async revokeCliGrantByToken(hash: string, now: Date, reason: RevokeReason): Promise<CliGrantRecord | null> {
      const token = await dbCall('revokeCliGrantByToken', () => db.cliToken.findUnique({ where: { id: hash }, include: { grant: true } }));
      if (!token) return null;
      const revoked = (await revokeWhere({ id: token.grantId }, now, reason)) === 1;
      return revoked ? { ...toCliGrantRecord(token.grant), revokedAt: now, revokedReason: reason } : null;
    },

    /** Revokes every CLI login of the user (sign-out everywhere, an admin locking someone out); how many. */
    revokeUserCliGrants: (userId: string, now: Date, reason: RevokeReason = 'admin') => revokeWhere({ userId }, now, reason),

    async getCliGrant(grantId: string): Promise<CliGrantRecord | null> {
      const row = await dbCall('getCliGrant', () => db.cliGrant.findUnique({ where: { id: grantId } }));
      return row ? toCliGrantRecord(row) : null;
    },

    /** Deletes logins whose absolute expiry is at or before `before` (their tokens go with them); how many. */
    async purgeCliGrants(before: Date): Promise<number> {
      const { count } = await dbCall('purgeCliGrants', () => db.cliGrant.deleteMany({ where: { absoluteExpiresAt: { lte: before } } }));
      return count;
    },
  };
}

export type CliGrantsRepo = ReturnType<typeof createCliGrantsRepo>;
