/**
 * Ending everything that came through connections no longer enabled (issue 12 §3): portal sessions, CLI
 * logins and device approvals not yet collected, in one transaction. Revoked, not paused: switching the
 * connection back on revives none of them.
 */
import type { Db } from '../client';
import { dbCall } from './db-call';

export interface ConnectionRevocation {
  sessions: number;
  cliLogins: number;
  deviceApprovals: number;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Revokes the CLI logins and uncollected device approvals that came through the connections `idpId`
 * matches, of `userIds` only when given (single logout, issue 13 §5); the counts.
 */
export async function revokeCliAccess(tx: Tx, scope: { idpId: string | { notIn: string[] }; userIds?: string[] }, now: Date, reason: string): Promise<Omit<ConnectionRevocation, 'sessions'>> {
  const { idpId, userIds } = scope;
  const cli = await tx.cliGrant.updateMany({ where: { idpId, revokedAt: null, ...(userIds ? { userId: { in: userIds } } : {}) }, data: { revokedAt: now, revokedReason: reason } });
  const devices = await tx.deviceAuthorization.updateMany({
    where: { idpId, status: 'approved', expiresAt: { gt: now }, ...(userIds ? { approvedBy: { in: userIds } } : {}) },
    data: { status: 'denied', decidedAt: now },
  });
  return { cliLogins: cli.count, deviceApprovals: devices.count };
}

export function createConnectionAccessRepo(db: Db) {
  return {
    /** Revokes what came through any connection not in `keep` (by IdP/connection id); the counts. */
    revokeOutside: (keep: string[], now: Date): Promise<ConnectionRevocation> =>
      dbCall('revokeOutsideConnections', () =>
        db.$transaction(async (tx) => {
          const idpId = { notIn: keep };
          const sessions = await tx.portalSession.updateMany({ where: { idpId, revokedAt: null }, data: { revokedAt: now } });
          return { sessions: sessions.count, ...(await revokeCliAccess(tx, { idpId }, now, 'connection-disabled')) };
        }),
      ),
  };
}

export type ConnectionAccessRepo = ReturnType<typeof createConnectionAccessRepo>;
