/** People, keyed by the IdP's (issuer, subject) pair — never by email (an email can be reassigned). */
import { randomUUID } from 'node:crypto';
import type { Db } from '../client';
import type { User as UserRow } from '../generated/sqlite/client';
import { dbCall, present } from './db-call';

export interface UserRecord {
  id: string;
  issuer: string;
  subject: string;
  email?: string;
  /** Whether the IdP verified `email` at the last sign-in; undefined: not known (issue 12 §1). */
  emailVerified?: boolean;
  name?: string;
  createdAt: Date;
  lastLoginAt: Date;
}

export interface LoginIdentity {
  issuer: string;
  subject: string;
  email?: string | null;
  emailVerified?: boolean | null;
  name?: string | null;
}

export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    issuer: row.issuer,
    subject: row.subject,
    email: present(row.email),
    emailVerified: present(row.emailVerified),
    name: present(row.name),
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
  };
}

/** The upsert of a sign-in (also run inside the SAML sign-in transaction, saml-signin.ts). */
export function loginUpsertArgs(identity: LoginIdentity, at: Date) {
  const { issuer, subject } = identity;
  const email = identity.email ?? null;
  // Known only beside an email: an unverified one is shown as such on the admin pages.
  const emailVerified = email === null ? null : identity.emailVerified === true;
  const name = identity.name ?? null;
  return {
    where: { issuer_subject: { issuer, subject } },
    create: { id: randomUUID(), issuer, subject, email, emailVerified, name, createdAt: at, lastLoginAt: at },
    update: { email, emailVerified, name, lastLoginAt: at },
  };
}

export function createUsersRepo(db: Db) {
  return {
    /**
     * Finds or creates the user for this (issuer, subject) and refreshes email, name and lastLoginAt from
     * the sign-in (an email the IdP no longer sends is cleared). One statement (INSERT … ON CONFLICT), so
     * two first sign-ins of the same person at once still yield one user.
     */
    async upsertUserOnLogin(identity: LoginIdentity, at: Date = new Date()): Promise<UserRecord> {
      const row = await dbCall('upsertUserOnLogin', () =>
        db.user.upsert(loginUpsertArgs(identity, at)),
      );
      return toUserRecord(row);
    },

    /** The most recently signed-in users first (admin pickers). */
    listRecent: (limit = 200): Promise<UserRecord[]> =>
      dbCall('listRecentUsers', async () => (await db.user.findMany({ orderBy: { lastLoginAt: 'desc' }, take: limit })).map(toUserRecord)),

    async findUser(id: string): Promise<UserRecord | null> {
      const row = await dbCall('findUser', () => db.user.findUnique({ where: { id } }));
      return row ? toUserRecord(row) : null;
    },

    /**
     * Cuts a user off from Rolegate at once (issue 5 §5): every live portal session and every CLI login
     * (refresh and access tokens die with their grant) is revoked, and every device approval of theirs
     * not yet collected is denied (issue 12 §3), in one transaction. Returns the counts.
     */
    revokeUserAccess: (userId: string, now: Date): Promise<{ sessions: number; cliLogins: number; deviceApprovals: number }> =>
      dbCall('revokeUserAccess', () =>
        db.$transaction(async (tx) => {
          const sessions = await tx.portalSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
          const cli = await tx.cliGrant.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokedReason: 'admin' } });
          // Approved but not yet collected: the CLI's next poll gets access_denied instead of a new login.
          const devices = await tx.deviceAuthorization.updateMany({
            where: { approvedBy: userId, status: 'approved', expiresAt: { gt: now } },
            data: { status: 'denied', decidedAt: now },
          });
          return { sessions: sessions.count, cliLogins: cli.count, deviceApprovals: devices.count };
        }),
      ),
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
