/**
 * The commit of an IdP's LogoutRequest (issue 13 §5), after our pipeline accepted it: its ID goes into the
 * replay cache (the primary key decides a race between instances, as for assertions), the portal sessions
 * of that connection with that NameID (and, when the request names any, those SessionIndexes) are
 * revoked, and — when the connection says so — the CLI logins and uncollected device approvals of the
 * people those sessions belong to. One transaction: a replayed request ends nothing.
 */
import type { Db } from '../client';
import { revokeCliAccess } from './connection-access';
import { dbCall } from './db-call';
import { recordAssertion } from './saml-signin';

export interface SamlLogout {
  connectionId: string;
  /** The LogoutRequest's ID and until when it is remembered. */
  requestId: string;
  replayUntil: Date;
  nameId: string;
  /** Empty: every session of the NameID (saml-core §3.7.3.2). */
  sessionIndexes: string[];
  endCliLogins: boolean;
  now: Date;
}

export interface SamlLogoutResult {
  sessions: number;
  /** The people the matched sessions belong to (whether or not they were still live). */
  userIds: string[];
  cliLogins: number;
  deviceApprovals: number;
}

/** Replay-cache key of a LogoutRequest ID: an xs:ID has no ':', so it never meets an assertion ID. */
export const logoutReplayKey = (requestId: string): string => `logout:${requestId}`;

export function createSamlLogoutRepo(db: Db) {
  return {
    endSamlSessions: (l: SamlLogout): Promise<SamlLogoutResult> =>
      dbCall('endSamlSessions', () =>
        db.$transaction(async (tx) => {
          await recordAssertion(tx, { connectionId: l.connectionId, assertionId: logoutReplayKey(l.requestId), replayUntil: l.replayUntil, now: l.now });
          const where = { idpId: l.connectionId, samlNameId: l.nameId, ...(l.sessionIndexes.length > 0 ? { samlSessionIndex: { in: l.sessionIndexes } } : {}) };
          const matched = await tx.portalSession.findMany({ where, select: { userId: true } });
          const userIds = [...new Set(matched.map((m) => m.userId))];
          const sessions = await tx.portalSession.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: l.now } });
          const cli = l.endCliLogins && userIds.length > 0 ? await revokeCliAccess(tx, { idpId: l.connectionId, userIds }, l.now, 'saml-logout') : { cliLogins: 0, deviceApprovals: 0 };
          return { sessions: sessions.count, userIds, ...cli };
        }),
      ),
  };
}

export type SamlLogoutRepo = ReturnType<typeof createSamlLogoutRepo>;
