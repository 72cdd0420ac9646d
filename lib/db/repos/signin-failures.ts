/**
 * Failed sign-ins, aggregated before they reach the ledger (issue 12 §6). The audit ledger is append-only
 * — its triggers refuse UPDATE, and DELETE of rows younger than 30 days — so a count cannot grow inside
 * it, and one row per failed post would let anyone append undeletable rows at will. Instead a failure
 * increments a counter row keyed by (UTC minute, client address, code, connection); the sweep then moves
 * each *closed* minute into the ledger as one ordinary appended row carrying `detail.count`, deleting the
 * counter in the same transaction. The ledger stays strictly append-only, and grows by at most one row
 * per address, code, connection and minute, however many posts arrive.
 *
 * Bounds: counter rows live a minute or two (until the next sweep). Distinct keys per minute are capped
 * at MAX_FAILURE_KEYS_PER_MINUTE; past it, failures count in one overflow row per code and connection
 * (address `*`), so rotating addresses cannot multiply rows beyond the cap either.
 *
 * Several instances: increments are single UPDATE statements; the roll-up deletes each counter row only
 * if its count is still the one it read (a row another instance rolled up, or that grew meanwhile, is
 * skipped and taken next time), and appends the ledger row in that same transaction, so a count reaches
 * the ledger exactly once.
 */
import { Prisma } from '../generated/sqlite/client';
import type { Db } from '../client';
import { newAuditRow } from './audit';
import { dbCall } from './db-call';

export const MAX_FAILURE_KEYS_PER_MINUTE = 200;
/** The address of the overflow bucket. */
export const OVERFLOW_IP = '*';
const ROLLUP_BATCH = 200;

export interface SigninFailure {
  at: Date;
  /** The client address, or its rate-limit bucket (an IPv6 /64); 'unknown' when there is none. */
  ip: string;
  code: string;
  /** The connection, '' when the request named none that is configured. */
  idpId: string;
}

export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

type Key = { minute: Date; ip: string; code: string; idpId: string };

export function createSigninFailuresRepo(db: Db) {
  const bump = async (key: Key) => (await db.signinFailureCount.updateMany({ where: key, data: { count: { increment: 1 } } })).count === 1;

  async function create(key: Key): Promise<void> {
    try {
      await db.signinFailureCount.create({ data: { ...key, count: 1 } });
    } catch (e) {
      // Another instance created the row between our UPDATE and INSERT: count on it instead.
      if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
      await bump(key);
    }
  }

  /** Moves up to one batch of closed minutes into the ledger; returns how many ledger rows it wrote. */
  const rollUpBatch = (closedBefore: Date) =>
    db.$transaction(async (tx) => {
      const rows = await tx.signinFailureCount.findMany({ where: { minute: { lt: closedBefore } }, orderBy: { minute: 'asc' }, take: ROLLUP_BATCH });
      let written = 0;
      for (const r of rows) {
        const { count } = await tx.signinFailureCount.deleteMany({ where: { minute: r.minute, ip: r.ip, code: r.code, idpId: r.idpId, count: r.count } });
        if (count !== 1) continue;
        const overflow = r.ip === OVERFLOW_IP;
        const detail = { count: r.count, window: '1m', ...(overflow ? { overflow: true } : {}) };
        await tx.auditEvent.create({ data: newAuditRow({ type: 'signin', outcome: 'failed', at: r.minute, code: r.code, idpId: r.idpId || undefined, ip: overflow ? undefined : r.ip, detail }) });
        written += 1;
      }
      return { written, full: rows.length === ROLLUP_BATCH };
    });

  return {
    /** Counts one failed sign-in in its minute's row. */
    recordSigninFailure: (f: SigninFailure): Promise<void> =>
      dbCall('recordSigninFailure', async () => {
        const key = { minute: minuteOf(f.at), ip: f.ip.slice(0, 64), code: f.code.slice(0, 64), idpId: f.idpId.slice(0, 64) };
        if (await bump(key)) return;
        const keys = await db.signinFailureCount.count({ where: { minute: key.minute } });
        const target = keys >= MAX_FAILURE_KEYS_PER_MINUTE ? { ...key, ip: OVERFLOW_IP } : key;
        if (target !== key && (await bump(target))) return;
        await create(target);
      }),

    /** Rolls every minute before `closedBefore` into the ledger; returns how many ledger rows were written. */
    rollUpSigninFailures: (closedBefore: Date): Promise<number> =>
      dbCall('rollUpSigninFailures', async () => {
        let total = 0;
        for (;;) {
          const { written, full } = await rollUpBatch(closedBefore);
          total += written;
          // A batch that moved nothing (every row changed under it) is left for the next sweep.
          if (!full || written === 0) return total;
        }
      }),
  };
}

export type SigninFailuresRepo = ReturnType<typeof createSigninFailuresRepo>;
