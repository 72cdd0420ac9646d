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
  name?: string;
  createdAt: Date;
  lastLoginAt: Date;
}

export interface LoginIdentity {
  issuer: string;
  subject: string;
  email?: string | null;
  name?: string | null;
}

export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    issuer: row.issuer,
    subject: row.subject,
    email: present(row.email),
    name: present(row.name),
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
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
      const { issuer, subject } = identity;
      const email = identity.email ?? null;
      const name = identity.name ?? null;
      const row = await dbCall('upsertUserOnLogin', () =>
        db.user.upsert({
          where: { issuer_subject: { issuer, subject } },
          create: {
            id: randomUUID(),
            issuer,
            subject,
            email,
            name,
            createdAt: at,
            lastLoginAt: at,
          },
          update: { email, name, lastLoginAt: at },
        }),
      );
      return toUserRecord(row);
    },
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
