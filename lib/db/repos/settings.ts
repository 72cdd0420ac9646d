/**
 * Run-time switches (the Setting table). Today one: the lock-down state, read at every issuance (a
 * primary-key lookup) and changed by admins. A row that cannot be read back as a lock-down state counts
 * as ON: a corrupt switch must fail closed.
 */
import { z } from 'zod';
import { LOCKDOWN_OFF, type LockdownState } from '../../core/issuance/lockdown';
import type { Db } from '../client';
import { dbCall } from './db-call';

const LOCKDOWN_KEY = 'lockdown';
const stored = z.object({ enabled: z.boolean(), reason: z.string().max(500).optional(), since: z.iso.datetime().optional(), by: z.string().max(100).optional() }).strict();

function decode(value: string): LockdownState {
  try {
    const parsed = stored.parse(JSON.parse(value));
    return { ...parsed, since: parsed.since ? new Date(parsed.since) : undefined };
  } catch {
    return { enabled: true, reason: 'the stored lock-down state is unreadable' };
  }
}

export function createSettingsRepo(db: Db) {
  return {
    async getLockdown(): Promise<LockdownState> {
      const row = await dbCall('getLockdown', () => db.setting.findUnique({ where: { key: LOCKDOWN_KEY } }));
      return row ? decode(row.value) : LOCKDOWN_OFF;
    },

    /** Sets the state and returns the one it replaced, in one transaction (for the audit's before/after). */
    async setLockdown(next: LockdownState, at: Date): Promise<{ before: LockdownState; after: LockdownState }> {
      const value = JSON.stringify({ enabled: next.enabled, reason: next.reason, since: next.since?.toISOString(), by: next.by });
      return dbCall('setLockdown', () =>
        db.$transaction(async (tx) => {
          const row = await tx.setting.findUnique({ where: { key: LOCKDOWN_KEY } });
          await tx.setting.upsert({ where: { key: LOCKDOWN_KEY }, create: { key: LOCKDOWN_KEY, value, updatedAt: at, updatedBy: next.by ?? null }, update: { value, updatedAt: at, updatedBy: next.by ?? null } });
          return { before: row ? decode(row.value) : LOCKDOWN_OFF, after: decode(value) };
        }),
      );
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
