/**
 * All repositories over one `Db`. The composition root (lib/server/container.ts) calls this once; tests
 * call it per database. Repos are the only code that queries Prisma, and they return domain records.
 */
import type { Db } from '../client';
import { createAuditRepo } from './audit';
import { createSessionsRepo } from './sessions';
import { createSigningKeysRepo } from './signing-keys';
import { createUsersRepo } from './users';

export function createRepos(db: Db) {
  return {
    users: createUsersRepo(db),
    sessions: createSessionsRepo(db),
    signingKeys: createSigningKeysRepo(db),
    audit: createAuditRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;

export type {
  AuditDetail,
  AuditEventInput,
  AuditEventRecord,
  AuditOutcome,
  AuditQuery,
  AuditType,
  JsonValue,
} from './audit';
export type { ActiveSession, NewSession, SessionRecord } from './sessions';
export type { NewSigningKey, SigningAlg, SigningKeyRecord, SigningKeyStatus } from './signing-keys';
export type { LoginIdentity, UserRecord } from './users';
