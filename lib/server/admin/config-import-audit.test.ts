/** Issue 15 §4: importing a 300-account config failed with INTERNAL, its audit row past the ledger's 8 KB detail limit. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigChange } from '../../core/config/diff';
import { serializeAuditDetail } from '../../db/repos/audit-detail';
import { changeLines } from './config-import';

const added = (n: number): ConfigChange[] => Array.from({ length: n }, (_, i) => ({ section: 'accounts', id: String(100_000_000_000 + i), kind: 'added' }));

test('a few changes are listed whole', () => {
  assert.deepEqual(changeLines([{ section: 'rules', id: 'r1', kind: 'changed', fields: ['groups', 'roles'] }]), ['changed rules/r1 (groups, roles)']);
  assert.equal(changeLines(added(40)).length, 40);
});

test('thousands of changes: the first 40 and a count, and the audit detail fits the ledger', () => {
  const lines = changeLines(added(2_400));
  assert.equal(lines.length, 41);
  assert.equal(lines[0], 'added accounts/100000000000');
  assert.equal(lines[40], '… and 2360 more (the revision lists every change)');
  const long: ConfigChange[] = Array.from({ length: 100 }, (_, i) => ({ section: 'rules', id: `r${i}`, kind: 'changed', fields: Array.from({ length: 40 }, (_, f) => `field${f}`) }));
  const detail = { action: 'config.import', target: 'config', before: { revision: 1 }, after: { revision: 2, changes: changeLines(long) } };
  assert.doesNotThrow(() => serializeAuditDetail(detail));
  assert.throws(() => serializeAuditDetail({ ...detail, after: { revision: 2, changes: long.map((c) => `${c.kind} ${c.section}/${c.id} (${(c.fields ?? []).join(', ')})`) } }), 'unbounded, it would not fit');
});
