/**
 * The rate limits' shared token buckets (issue 14 §3; the limiter is lib/server/shared-rate-limit.ts).
 * Every instance on the database takes from the same rows, so a limit holds across the fleet instead of
 * multiplying by the instance count.
 *
 * A take is ONE statement: INSERT … ON CONFLICT DO UPDATE … RETURNING, with the refill computed in SQL
 * from the row as it is under the statement's row lock. There is no read-then-write window, so parallel
 * takes on several instances never grant more than the bucket holds. A refusal changes nothing but the
 * `granted` flag: it does not spend a token, nor move the refill clock.
 *
 * Bounds: a row is (limiter, slot), the slot being the caller's keyed hash of the key reduced to a fixed
 * number of slots, so the table holds at most limiters × slots rows whatever the keys. The sweep deletes
 * every bucket that has refilled to full (`fullAtMs` passed): a missing row is a full bucket, so deleting
 * it changes no decision, and in practice only the buckets refused or drained recently stay.
 */
import { Prisma } from '../generated/sqlite/client';
import { isPostgres, type Db } from '../client';
import { dbCall } from './db-call';

export interface BucketTake {
  limiter: string;
  /** The key's slot, 0 ≤ slot < the limiter's slot count. */
  slot: number;
  /** Tokens in a full bucket (the burst); at least 1. */
  capacity: number;
  refillPerSecond: number;
  /** The taking instance's clock, ms since the epoch. */
  nowMs: number;
}

/** The bucket after the take: whether it granted a token, and its tokens as of `atMs`. */
export interface BucketState {
  granted: boolean;
  tokens: number;
  atMs: number;
}

type Row = { granted: boolean | number | bigint; tokens: number; atMs: number };

function takeStatement(t: BucketTake, postgres: boolean): Prisma.Sql {
  const least = Prisma.raw(postgres ? 'LEAST' : 'MIN');
  const greatest = Prisma.raw(postgres ? 'GREATEST' : 'MAX');
  // Explicit types: PostgreSQL would otherwise guess a parameter's type from its first use.
  const num = (v: number) => Prisma.sql`CAST(${v} AS DOUBLE PRECISION)`;
  const [now, cap, rate] = [num(t.nowMs), num(t.capacity), num(t.refillPerSecond)];
  // An instance whose clock is behind the row's sees no time passed (never a negative refill) and never
  // moves the row's clock back.
  const refilled = Prisma.sql`${least}(${cap}, b."tokens" + ${greatest}(0, ${now} - b."atMs") * ${rate} / 1000)`;
  const ok = Prisma.sql`(${refilled} >= 1)`;
  const at = Prisma.sql`${greatest}(b."atMs", ${now})`;
  return Prisma.sql`INSERT INTO "RateLimitBucket" AS b ("limiter", "slot", "tokens", "atMs", "fullAtMs", "granted")
    VALUES (${t.limiter}, ${t.slot}, ${cap} - 1, ${now}, ${now} + 1000 / ${rate}, TRUE)
    ON CONFLICT ("limiter", "slot") DO UPDATE SET
      "tokens" = CASE WHEN ${ok} THEN ${refilled} - 1 ELSE b."tokens" END,
      "atMs" = CASE WHEN ${ok} THEN ${at} ELSE b."atMs" END,
      "fullAtMs" = CASE WHEN ${ok} THEN ${at} + (${cap} - ${refilled} + 1) * 1000 / ${rate} ELSE b."fullAtMs" END,
      "granted" = ${ok}
    RETURNING "granted", "tokens", "atMs"`;
}

export function createRateLimitsRepo(db: Db) {
  const postgres = isPostgres(db);
  return {
    /** Takes one token from the bucket if it has one (creating it full, minus this token, if absent). */
    takeToken: (t: BucketTake): Promise<BucketState> =>
      dbCall('takeRateToken', async () => {
        const [row] = await db.$queryRaw<Row[]>(takeStatement(t, postgres));
        if (!row) throw new Error('the upsert returned no row');
        // PostgreSQL answers a boolean, SQLite 1 or 0.
        return { granted: row.granted === true || Number(row.granted) === 1, tokens: Number(row.tokens), atMs: Number(row.atMs) };
      }),

    /** Deletes the buckets that are full again at `now` (a missing bucket is a full one); returns how many. */
    purgeFullBuckets: (now: Date): Promise<number> =>
      dbCall('purgeFullRateBuckets', async () => (await db.rateLimitBucket.deleteMany({ where: { fullAtMs: { lte: now.getTime() } } })).count),
  };
}

export type RateLimitsRepo = ReturnType<typeof createRateLimitsRepo>;
