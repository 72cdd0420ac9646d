/**
 * Portal sessions: the row behind the session id in the cookie. Every authorisation decision reads the
 * claims snapshot from here, and revoking the row ends the session whatever the cookie says.
 */
import type { SamlSessionRef } from '../../core/saml/sp/types';
import type { IdentityClaims } from '../../core/types';
import type { Db } from '../client';
import type { PortalSession as SessionRow } from '../generated/sqlite/client';
import { parseClaims, serializeClaims } from './claims';
import { dbCall, present } from './db-call';
import { toUserRecord, type UserRecord } from './users';

export interface SessionRecord {
  id: string;
  userId: string;
  idpId: string;
  claims: IdentityClaims;
  ip?: string;
  userAgent?: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
  /** A SAML sign-in's NameID and SessionIndex (single logout, issue 13 §5). */
  saml?: SamlSessionRef;
}

export interface ActiveSession extends SessionRecord {
  user: UserRecord;
}

/** An active session's id and the principal it acts for. */
export type ActivePrincipal = Pick<SessionRecord, 'id' | 'userId' | 'idpId' | 'claims'>;

export interface NewSession {
  id: string;
  userId: string;
  idpId: string;
  claims: IdentityClaims;
  ip?: string | null;
  userAgent?: string | null;
  expiresAt: Date;
  createdAt?: Date;
  saml?: SamlSessionRef;
}

export function toSessionRecord(row: SessionRow, claims: IdentityClaims): SessionRecord {
  return {
    id: row.id,
    userId: row.userId,
    idpId: row.idpId,
    claims,
    ip: present(row.ip),
    userAgent: present(row.userAgent),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: present(row.revokedAt),
    saml: samlRefOf(row),
  };
}

/** The SAML sign-in a row records, when it has one. */
function samlRefOf(row: SessionRow): SamlSessionRef | undefined {
  if (row.samlNameId === null) return undefined;
  return {
    nameId: row.samlNameId,
    nameIdFormat: present(row.samlNameIdFormat),
    nameQualifier: present(row.samlNameQualifier),
    spNameQualifier: present(row.samlSpNameQualifier),
    sessionIndex: present(row.samlSessionIndex),
  };
}

/** The row of a new session (also written inside the SAML sign-in transaction, saml-signin.ts). */
export function newSessionRow(input: NewSession) {
  return {
    id: input.id,
    userId: input.userId,
    idpId: input.idpId,
    claims: serializeClaims(input.claims),
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    createdAt: input.createdAt ?? new Date(),
    expiresAt: input.expiresAt,
    samlNameId: input.saml?.nameId ?? null,
    samlNameIdFormat: input.saml?.nameIdFormat ?? null,
    samlNameQualifier: input.saml?.nameQualifier ?? null,
    samlSpNameQualifier: input.saml?.spNameQualifier ?? null,
    samlSessionIndex: input.saml?.sessionIndex ?? null,
  };
}

export function createSessionsRepo(db: Db) {
  return {
    async createSession(input: NewSession): Promise<SessionRecord> {
      const data = newSessionRow(input);
      const row = await dbCall('createSession', () => db.portalSession.create({ data }));
      return toSessionRecord(row, input.claims);
    },

    /**
     * The session if it exists, is not revoked and `now` is before its expiry; otherwise null. A row whose
     * claims no longer parse (written by an older version) is treated as ended: the user signs in again.
     */
    async getActiveSession(id: string, now: Date): Promise<ActiveSession | null> {
      const row = await dbCall('getActiveSession', () =>
        db.portalSession.findFirst({
          where: { id, revokedAt: null, expiresAt: { gt: now } },
          include: { user: true },
        }),
      );
      const claims = row ? parseClaims(row.claims) : undefined;
      if (!row || !claims) return null;
      return { ...toSessionRecord(row, claims), user: toUserRecord(row.user) };
    },

    /**
     * getActiveSession's answer without the user row (the same conditions, one query instead of two): who
     * the session acts for, as every issuance re-reads it.
     */
    async getActivePrincipal(id: string, now: Date): Promise<ActivePrincipal | null> {
      const row = await dbCall('getActivePrincipal', () =>
        db.portalSession.findFirst({
          where: { id, revokedAt: null, expiresAt: { gt: now } },
          select: { id: true, userId: true, idpId: true, claims: true },
        }),
      );
      const claims = row ? parseClaims(row.claims) : undefined;
      if (!row || !claims) return null;
      return { id: row.id, userId: row.userId, idpId: row.idpId, claims };
    },

    /** True if this call revoked the session; false if it was unknown or already revoked. */
    async revokeSession(id: string, now: Date): Promise<boolean> {
      const { count } = await dbCall('revokeSession', () =>
        db.portalSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } }),
      );
      return count > 0;
    },

    /**
     * The claims of each user's most recent sign-in, newest sessions first and at most `scan` rows read:
     * what the admin rules preview evaluates for known users.
     */
    async latestClaims(scan = 2000): Promise<Map<string, IdentityClaims>> {
      const rows = await dbCall('latestClaims', () =>
        db.portalSession.findMany({ orderBy: { createdAt: 'desc' }, take: scan, select: { userId: true, claims: true } }),
      );
      const out = new Map<string, IdentityClaims>();
      for (const row of rows) {
        const claims = out.has(row.userId) ? undefined : parseClaims(row.claims);
        if (claims) out.set(row.userId, claims);
      }
      return out;
    },

    /** Revokes every live session of the user (e.g. an admin locks them out); returns how many. */
    async revokeUserSessions(userId: string, now: Date): Promise<number> {
      const { count } = await dbCall('revokeUserSessions', () =>
        db.portalSession.updateMany({
          where: { userId, revokedAt: null },
          data: { revokedAt: now },
        }),
      );
      return count;
    },
  };
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
