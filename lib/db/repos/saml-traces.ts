/**
 * Diagnostics of the last SAML sign-ins per connection, for the admin pages. Unlike the audit ledger
 * these rows are disposable: pruneSamlTraces keeps only the newest few per connection.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../client';
import { dbCall } from './db-call';
import {
  newSamlTraceRow,
  toSamlTraceRecord,
  type NewSamlTrace,
  type SamlTraceRecord,
} from './saml-trace-record';

export type {
  NewSamlTrace,
  SamlTraceCheck,
  SamlTraceOutcome,
  SamlTraceRecord,
} from './saml-trace-record';

export const DEFAULT_TRACES_KEPT = 50;

// Newest first; the id breaks ties so listing and pruning agree on the order of equal times.
const NEWEST_FIRST = [{ at: 'desc' }, { id: 'desc' }] as const;

export function createSamlTracesRepo(db: Db) {
  const repo = {
    async appendSamlTrace(trace: NewSamlTrace): Promise<SamlTraceRecord> {
      const data = newSamlTraceRow(randomUUID(), trace);
      const row = await dbCall('appendSamlTrace', () => db.samlTrace.create({ data }));
      return toSamlTraceRecord(row);
    },

    /** The connection's traces, newest first; limit is clamped to 1–500. */
    async listSamlTraces(connectionId: string, limit: number): Promise<SamlTraceRecord[]> {
      const take = Math.min(Math.max(Math.trunc(limit), 1), 500);
      const rows = await dbCall('listSamlTraces', () =>
        db.samlTrace.findMany({ where: { connectionId }, orderBy: [...NEWEST_FIRST], take }),
      );
      return rows.map(toSamlTraceRecord);
    },

    /**
     * Deletes all but the newest `keep` traces of the connection; returns how many were deleted. One
     * DELETE below the oldest kept row, however many rows there are to drop.
     */
    async pruneSamlTraces(
      connectionId: string,
      keep: number = DEFAULT_TRACES_KEPT,
    ): Promise<number> {
      const kept = Math.max(Math.trunc(keep), 0);
      return dbCall('pruneSamlTraces', async () => {
        if (kept === 0) return (await db.samlTrace.deleteMany({ where: { connectionId } })).count;
        const boundary = await db.samlTrace.findFirst({
          where: { connectionId },
          orderBy: [...NEWEST_FIRST],
          skip: kept - 1,
          select: { at: true, id: true },
        });
        if (!boundary) return 0;
        const { count } = await db.samlTrace.deleteMany({
          where: {
            connectionId,
            OR: [{ at: { lt: boundary.at } }, { at: boundary.at, id: { lt: boundary.id } }],
          },
        });
        return count;
      });
    },

    /**
     * Prunes every connection that has traces (including connections no longer configured) to its
     * newest `keep`; returns how many were deleted. The scheduled sweep's bound on this table.
     */
    async pruneAllSamlTraces(keep: number = DEFAULT_TRACES_KEPT): Promise<number> {
      const connections = await dbCall('listTracedConnections', () =>
        db.samlTrace.findMany({ distinct: ['connectionId'], select: { connectionId: true } }),
      );
      let deleted = 0;
      for (const { connectionId } of connections) deleted += await repo.pruneSamlTraces(connectionId, keep);
      return deleted;
    },
  };
  return repo;
}

export type SamlTracesRepo = ReturnType<typeof createSamlTracesRepo>;
