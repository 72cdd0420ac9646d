/**
 * AuthnRequests Rolegate sent as SAML SP. A Response's InResponseTo is accepted only if it names a
 * request of the same connection that has not expired, and only once: consuming deletes the row.
 */
import type { Db } from '../client';
import { dbCall } from './db-call';

export interface NewSamlRequest {
  /** The AuthnRequest's ID attribute. */
  id: string;
  connectionId: string;
  expiresAt: Date;
  /** Defaults to now. */
  createdAt?: Date;
}

export function createSamlRequestsRepo(db: Db) {
  return {
    /** Records an issued request. Reusing an id is refused (DB_CONFLICT). */
    async rememberRequest(request: NewSamlRequest): Promise<void> {
      const data = {
        id: request.id,
        connectionId: request.connectionId,
        expiresAt: request.expiresAt,
        createdAt: request.createdAt ?? new Date(),
      };
      await dbCall('rememberRequest', () => db.samlRequest.create({ data }));
    },

    /**
     * True exactly once per issued request: when the row exists, belongs to `connectionId` and `now` is
     * before its expiry; the row is deleted in the same statement. One conditional DELETE, so of two
     * concurrent consumes of one id only one sees `count === 1`. A request of another connection is left
     * alone (it is not this response's to spend); an expired one is left for purgeExpiredRequests.
     */
    async consumeRequest(id: string, connectionId: string, now: Date): Promise<boolean> {
      const { count } = await dbCall('consumeRequest', () =>
        db.samlRequest.deleteMany({ where: { id, connectionId, expiresAt: { gt: now } } }),
      );
      return count === 1;
    },

    /**
     * True when the request exists, belongs to `connectionId` and has not expired. Reads only: the ACS
     * consumes the request in the transaction that opens the session (saml-signin.ts).
     */
    async isPending(id: string, connectionId: string, now: Date): Promise<boolean> {
      const row = await dbCall('isPendingRequest', () =>
        db.samlRequest.findFirst({ where: { id, connectionId, expiresAt: { gt: now } }, select: { id: true } }),
      );
      return row !== null;
    },

    /** Deletes requests whose expiry is at or before `now`; returns how many. */
    async purgeExpiredRequests(now: Date): Promise<number> {
      const { count } = await dbCall('purgeExpiredRequests', () =>
        db.samlRequest.deleteMany({ where: { expiresAt: { lte: now } } }),
      );
      return count;
    },
  };
}

export type SamlRequestsRepo = ReturnType<typeof createSamlRequestsRepo>;
