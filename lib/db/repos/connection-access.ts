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

export function createConnectionAccessRepo(db: Db) {
  return {
    /** Revokes what came through any connection not in `keep` (by IdP/connection id); the counts. */
    revokeOutside: (keep: string[], now: Date): Promise<ConnectionRevocation> =>
      dbCall('revokeOutsideConnections', () =>
        db.$transaction(async (tx) => {
          const idpId = { notIn: keep };
          const sessions = await tx.portalSession.updateMany({ where: { idpId, revokedAt: null }, data: { revokedAt: now } });
          const cli = await tx.cliGrant.updateMany({ where: { idpId, revokedAt: null }, data: { revokedAt: now, revokedReason: 'connection-disabled' } });
          const devices = await tx.deviceAuthorization.updateMany({
            where: { idpId, status: 'approved', expiresAt: { gt: now } },
            data: { status: 'denied', decidedAt: now },
          });
          return { sessions: sessions.count, cliLogins: cli.count, deviceApprovals: devices.count };
        }),
      ),
  };
}

export type ConnectionAccessRepo = ReturnType<typeof createConnectionAccessRepo>;
