/**
 * Device authorization requests (RFC 8628). Every state change is one conditional UPDATE (or one
 * transaction that starts with it), so concurrent callers cannot both win: a request is approved or denied
 * once, and an approval is consumed — turned into a CLI login — once.
 */
import { GatewayError } from '../../core/errors';
import type { Db } from '../client';
import { serializeClaims } from './claims';
import { insertCliLogin, type IssuedTokens, type NewCliLogin } from './cli-grant-record';
import { dbCall } from './db-call';
import { toDeviceRecord, type DeviceApproval, type DeviceAuthorizationRecord, type NewDeviceAuthorization } from './device-authorization-record';

export type { DeviceApproval, DeviceAuthorizationRecord, DeviceStatus, NewDeviceAuthorization } from './device-authorization-record';

/** What consuming an approval needs besides the approval itself: the new grant's id and first tokens. */
export type NewDeviceLogin = Omit<NewCliLogin, 'userId' | 'idpId' | 'claims' | 'clientId'>;

/** The outcome of collecting an approval: the login, `denied` (the approving session ended), or null. */
export type ConsumeResult = IssuedTokens | { denied: DeviceAuthorizationRecord } | null;

/**
 * Whose device authorizations still in flight (pending, or approved and not yet collected) are denied:
 * one user's approvals (user revoked), approvals made through connections no longer enabled, or all of
 * them (lock-down). A pending request names nobody yet, so only `all` reaches it.
 */
export type InFlightScope = { approvedBy: string } | { idpIdNotIn: string[] } | { all: true };

function inFlightWhere(scope: InFlightScope) {
  if ('approvedBy' in scope) return { status: 'approved', approvedBy: scope.approvedBy };
  if ('idpIdNotIn' in scope) return { status: 'approved', idpId: { notIn: scope.idpIdNotIn } };
  return { status: { in: ['pending', 'approved'] } };
}

export function createDeviceAuthorizationsRepo(db: Db) {
  const live = (now: Date) => ({ expiresAt: { gt: now } });

  /** The pending, unexpired request holding this user code, or null. */
  async function findPendingByUserCode(userCode: string, now: Date): Promise<DeviceAuthorizationRecord | null> {
    const row = await dbCall('findPendingDevice', () =>
      db.deviceAuthorization.findFirst({ where: { pendingUserCode: userCode, status: 'pending', ...live(now) } }),
    );
    return row ? toDeviceRecord(row) : null;
  }

  /** pending → approved | denied, once. Null when the code is unknown, expired or already decided. */
  async function decide(userCode: string, now: Date, data: { status: 'approved' | 'denied'; approvedBy: string; approvedSession?: string; idpId?: string; claims?: string }) {
    const found = await findPendingByUserCode(userCode, now);
    if (!found) return null;
    const { count } = await dbCall('decideDevice', () =>
      db.deviceAuthorization.updateMany({
        where: { id: found.id, status: 'pending', ...live(now) },
        data: { ...data, decidedAt: now, pendingUserCode: null },
      }),
    );
    return count === 1 ? { ...found, status: data.status, approvedBy: data.approvedBy, decidedAt: now } : null;
  }

  return {
    /**
     * Stores a new pending request. The user code must be free among pending requests: a pending request
     * that has expired gives its code up first; a live one makes this fail with DB_CONFLICT (the caller
     * draws another code).
     */
    async createDeviceAuthorization(input: NewDeviceAuthorization): Promise<DeviceAuthorizationRecord> {
      const row = await dbCall('createDeviceAuthorization', async () => {
        await db.deviceAuthorization.updateMany({
          where: { pendingUserCode: input.userCode, expiresAt: { lte: input.createdAt } },
          data: { pendingUserCode: null },
        });
        return db.deviceAuthorization.create({ data: { ...input, pendingUserCode: input.userCode, status: 'pending' } });
      });
      return toDeviceRecord(row);
    },

    async findDeviceAuthorization(id: string): Promise<DeviceAuthorizationRecord | null> {
      const row = await dbCall('findDeviceAuthorization', () => db.deviceAuthorization.findUnique({ where: { id } }));
      return row ? toDeviceRecord(row) : null;
    },

    findPendingByUserCode,

    /** Copies the approving session's id, claims and IdP onto the request. The decided request, or null. */
    approveDeviceAuthorization: (userCode: string, approval: DeviceApproval, now: Date) =>
      decide(userCode, now, { status: 'approved', approvedBy: approval.userId, approvedSession: approval.sessionId, idpId: approval.idpId, claims: serializeClaims(approval.claims) }),

    denyDeviceAuthorization: (userCode: string, deniedBy: string, now: Date) => decide(userCode, now, { status: 'denied', approvedBy: deniedBy }),

    /**
     * Records a poll of a pending request if the last one was at least `minGapMs` ago (RFC 8628 §3.5);
     * false if it came too soon or the request is no longer pending.
     */
    async recordPoll(id: string, now: Date, minGapMs: number): Promise<boolean> {
      const { count } = await dbCall('recordPoll', () =>
        db.deviceAuthorization.updateMany({
          where: { id, status: 'pending', OR: [{ lastPolledAt: null }, { lastPolledAt: { lte: new Date(now.getTime() - minGapMs) } }] },
          data: { lastPolledAt: now },
        }),
      );
      return count === 1;
    },

    /** slow_down: the interval grows by `stepSeconds` for this and every later poll. The new interval, or undefined if not pending. */
    async slowDown(id: string, now: Date, stepSeconds: number): Promise<number | undefined> {
      return dbCall('slowDown', async () => {
        const { count } = await db.deviceAuthorization.updateMany({
          where: { id, status: 'pending' },
          data: { intervalSeconds: { increment: stepSeconds }, lastPolledAt: now },
        });
        if (count !== 1) return undefined;
        return (await db.deviceAuthorization.findUniqueOrThrow({ where: { id } })).intervalSeconds;
      });
    },

    /**
     * approved → consumed, once, before the expiry, while the approving portal session is still live
     * (not revoked, not expired); in the same transaction the CLI login (grant + first token pair) is
     * created from the approval. If the session has ended the request becomes denied (`{ denied }`).
     * Null when the request is not an unexpired approval.
     */
    async consumeApprovedDevice(id: string, now: Date, login: NewDeviceLogin): Promise<ConsumeResult> {
      return dbCall('consumeApprovedDevice', () =>
        db.$transaction(async (tx) => {
          const found = await tx.deviceAuthorization.findFirst({ where: { id, status: 'approved', ...live(now) } });
          if (!found) return null;
          // A no-op write on the live session row: it locks the row, so a revocation committing meanwhile
          // either happens first (count 0: denied) or waits and then sees (and revokes) the new login.
          const { count: sessionLive } = await tx.portalSession.updateMany({
            where: { id: found.approvedSession ?? '', revokedAt: null, expiresAt: { gt: now } },
            data: { revokedAt: null },
          });
          const next = sessionLive === 1 ? { status: 'consumed', grantId: login.grantId } : { status: 'denied', decidedAt: now };
          const { count } = await tx.deviceAuthorization.updateMany({ where: { id, status: 'approved', ...live(now) }, data: next });
          if (count !== 1) return null;
          const row = toDeviceRecord(await tx.deviceAuthorization.findUniqueOrThrow({ where: { id } }));
          if (sessionLive !== 1) return { denied: row };
          if (!row.approvedBy || !row.idpId || !row.claims) throw new GatewayError('INTERNAL', `approved device authorization without approval data`);
          return insertCliLogin(tx, { ...login, userId: row.approvedBy, idpId: row.idpId, claims: row.claims, clientId: row.clientId }, now);
        }),
      );
    },

    /** Denies the device authorizations in flight in `scope` (see InFlightScope); how many. */
    async denyInFlight(scope: InFlightScope, now: Date): Promise<number> {
      const { count } = await dbCall('denyDevicesInFlight', () =>
        db.deviceAuthorization.updateMany({
          where: { ...inFlightWhere(scope), ...live(now) },
          data: { status: 'denied', decidedAt: now, pendingUserCode: null },
        }),
      );
      return count;
    },

    /** Deletes requests that expired at or before `before`; returns how many. */
    async purgeDeviceAuthorizations(before: Date): Promise<number> {
      const { count } = await dbCall('purgeDeviceAuthorizations', () => db.deviceAuthorization.deleteMany({ where: { expiresAt: { lte: before } } }));
      return count;
    },
  };
}

export type DeviceAuthorizationsRepo = ReturnType<typeof createDeviceAuthorizationsRepo>;
