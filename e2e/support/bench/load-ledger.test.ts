/** Issue 14 §5: the load phase's ledger check joins rows to answered issuances one to one. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLedger, dropBenchDatabase, type Answered, type LedgerRow } from './load-ledger';

const ok = (type: string, requestId?: string): LedgerRow => ({ type, outcome: 'ok', requestId });
const answered = (over: Partial<Answered> = {}): Answered => ({ issued: ['a', 'b', 'c'], consoleLinks: ['c'], unsettled: [], signins: 1, ...over });
const exactRows = (): LedgerRow[] => [ok('signin'), ok('issuance', 'a'), ok('issuance', 'b'), ok('issuance', 'c'), ok('console', 'c')];

test('exact: one issuance row per answered issuance and one console row per console link', () => {
  const check = checkLedger([...exactRows(), { type: 'issuance', outcome: 'failed', requestId: 'x' }, ok('denial', 'y')], answered());
  assert.equal(check.exact, true);
  assert.deepEqual([check.issuances, check.issuanceRows, check.consoleLinks, check.consoleRows, check.signins, check.signinRows], [3, 3, 1, 1, 1, 1]);
});

test('an answered issuance without its row is missing, and not exact', () => {
  const check = checkLedger(exactRows().filter((r) => r.requestId !== 'b'), answered());
  assert.equal(check.exact, false);
  assert.deepEqual(check.missing, ['b']);
});

test('two rows for one issuance are duplicated, and not exact (even if the totals agree)', () => {
  const rows = [...exactRows().filter((r) => r.requestId !== 'b' || r.type !== 'issuance'), ok('issuance', 'a')];
  const check = checkLedger(rows, answered());
  assert.equal(check.issuanceRows, 3);
  assert.equal(check.exact, false);
  assert.deepEqual(check.duplicated, ['a']);
  assert.deepEqual(check.missing, ['b']);
});

test('a row for a request that was not answered with keys is not exact', () => {
  const check = checkLedger([...exactRows(), ok('issuance', 'z'), ok('issuance')], answered());
  assert.equal(check.exact, false);
  assert.deepEqual(check.unanswered, ['z', '(none)']);
});

test('a console link without its console row is not exact', () => {
  const check = checkLedger(exactRows().filter((r) => r.type !== 'console'), answered());
  assert.equal(check.exact, false);
  assert.deepEqual(check.missing, ['c (console)']);
});

test('an issuance whose answer never came makes the count unknowable: not exact', () => {
  const check = checkLedger(exactRows(), answered({ unsettled: ['d'] }));
  assert.equal(check.unsettled, 1);
  assert.equal(check.exact, false);
});

test('sign-in rows are reported, not judged', () => {
  assert.equal(checkLedger(exactRows(), answered({ signins: 2 })).exact, true);
});

test('only a bench database is ever dropped', async () => {
  await assert.rejects(dropBenchDatabase('postgresql://postgres@127.0.0.1:5432/rolegate_demo'), /not a bench database/);
  await assert.rejects(dropBenchDatabase('postgresql://postgres@127.0.0.1:5432/rolegate_bench_1x'), /not a bench database/);
});
