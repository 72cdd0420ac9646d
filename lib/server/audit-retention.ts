/**
 * The audit ledger's retention (issue 5 §4): once shortly after start and then daily, rows older than
 * `audit.retentionDays` are deleted — the ledger's only delete — and the sweep records itself in the
 * ledger (how many rows, up to which instant). Never per request.
 */
import type { AuditEventInput } from '../db/repos/audit-types';
import { scheduleSweep } from './sweep-schedule';

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  retentionDays: () => number;
  purgeOlderThan: (cutoff: Date) => Promise<number>;
  appendAudit: (event: AuditEventInput) => Promise<unknown>;
  now: () => Date;
  onError: (err: unknown) => void;
}

/** One sweep; returns how many rows it deleted. */
export async function sweepAuditLedger(deps: RetentionDeps): Promise<number> {
  const retentionDays = deps.retentionDays();
  const cutoff = new Date(deps.now().getTime() - retentionDays * DAY_MS);
  const deleted = await deps.purgeOlderThan(cutoff);
  if (deleted > 0) {
    await deps.appendAudit({ type: 'admin', outcome: 'ok', detail: { action: 'audit.retention', target: 'AuditEvent', cutoff: cutoff.toISOString(), deleted, retentionDays } });
  }
  return deleted;
}

/** Schedules the sweep (first run after `firstDelayMs`, then every `intervalMs`); returns a stop function. */
export function scheduleAuditRetention(deps: RetentionDeps, firstDelayMs = 10_000, intervalMs = DAY_MS): () => void {
  return scheduleSweep(() => sweepAuditLedger(deps), deps.onError, firstDelayMs, intervalMs);
}
