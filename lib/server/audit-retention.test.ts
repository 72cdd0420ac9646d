import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEventInput } from '../db/repos/audit-types';
import { sweepAuditLedger, type RetentionDeps } from './audit-retention';

const now = new Date('2031-01-31T00:00:00.000Z');

function deps(deleted: number) {
  const cutoffs: Date[] = [];
  const events: AuditEventInput[] = [];
  const d: RetentionDeps = {
    retentionDays: () => 30,
    purgeOlderThan: async (cutoff) => (cutoffs.push(cutoff), deleted),
    appendAudit: async (e) => events.push(e),
    now: () => now,
    onError: (err) => assert.fail(String(err)),
  };
  return { d, cutoffs, events };
}

test('deletes rows older than the retention and records the sweep in the ledger', async () => {
  const { d, cutoffs, events } = deps(7);
  assert.equal(await sweepAuditLedger(d), 7);
  assert.deepEqual(cutoffs, [new Date('2031-01-01T00:00:00.000Z')]);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0]?.detail, { action: 'audit.retention', target: 'AuditEvent', cutoff: '2031-01-01T00:00:00.000Z', deleted: 7, retentionDays: 30 });
});

test('a sweep that deleted nothing writes nothing', async () => {
  const { d, events } = deps(0);
  assert.equal(await sweepAuditLedger(d), 0);
  assert.deepEqual(events, []);
});

test('a failing purge propagates (the scheduler logs it) and records no sweep', async () => {
  const { d, events } = deps(0);
  d.purgeOlderThan = async () => {
    throw new Error('db down');
  };
  await assert.rejects(sweepAuditLedger(d), /db down/);
  assert.deepEqual(events, []);
});
