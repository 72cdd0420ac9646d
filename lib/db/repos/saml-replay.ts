/**
 * The SAML replay cache, shared by every instance through the database: an assertion ID is accepted once
 * per connection until the assertion expires. The primary key (connectionId, assertionId) is the arbiter,
 * so two instances receiving the same assertion at once cannot both accept it.
 */
import type { Db } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { dbCall } from './db-call';

export interface SeenAssertion {
  connectionId: string;
  assertionId: string;
  /** When the assertion stops being valid (NotOnOrAfter plus allowed skew); kept until then. */
  expiresAt: Date;
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}

export function createSamlReplayRepo(db: Db) {
  /** Inserts the pair; false if it is already present (a unique violation is the expected "seen"). */
  async function insert(seen: SeenAssertion, now: Date): Promise<boolean> {
    try {
      await db.samlReplay.create({ data: { ...seen, createdAt: now } });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }

  return {
    /**
     * True the first time this (connectionId, assertionId) is seen; false while an unexpired row for it
     * exists (a replay). A leftover row whose expiry is at or before `now` is taken over by one
     * conditional UPDATE, so of several racing callers exactly one gets true in that case too.
     */
    async rememberAssertion(seen: SeenAssertion, now: Date): Promise<boolean> {
      const { connectionId, assertionId, expiresAt } = seen;
      return dbCall('rememberAssertion', async () => {
        if (await insert(seen, now)) return true;
        const { count } = await db.samlReplay.updateMany({
          where: { connectionId, assertionId, expiresAt: { lte: now } },
          data: { expiresAt, createdAt: now },
        });
        if (count === 1) return true;
        // Not expired — or purged between the insert and the update: then the row is gone, so retry
        // the insert once rather than call a first sighting a replay.
        return insert(seen, now);
      });
    },

    /**
     * True while an unexpired row for the pair exists (a replay). Reads only: the ACS records the
     * assertion in the transaction that opens the session (saml-signin.ts).
     */
    async isSeen(connectionId: string, assertionId: string, now: Date): Promise<boolean> {
      const row = await dbCall('isSeenAssertion', () =>
        db.samlReplay.findFirst({ where: { connectionId, assertionId, expiresAt: { gt: now } }, select: { assertionId: true } }),
      );
      return row !== null;
    },

    /** Deletes entries whose expiry is at or before `now`; returns how many. */
    async purgeExpiredAssertions(now: Date): Promise<number> {
      const { count } = await dbCall('purgeExpiredAssertions', () =>
        db.samlReplay.deleteMany({ where: { expiresAt: { lte: now } } }),
      );
      return count;
    },
  };
}

export type SamlReplayRepo = ReturnType<typeof createSamlReplayRepo>;
