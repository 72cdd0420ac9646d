import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRECENCY_WINDOW_MS, rankByFrecency, useWeight } from './frecency';

const now = new Date('2026-05-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const H = 3_600_000;
const D = 24 * H;
const use = (roleId: string, ageMs: number) => ({ roleId, at: ago(ageMs) });

test('weights fall with age at each bucket edge, and nothing counts past the window', () => {
  assert.deepEqual(
    [0, 4 * H, 4 * H + 1, D, D + 1, 3 * D, 3 * D + 1, 7 * D, 7 * D + 1, 30 * D, 30 * D + 1, FRECENCY_WINDOW_MS, FRECENCY_WINDOW_MS + 1].map(useWeight),
    [100, 100, 80, 80, 60, 60, 40, 40, 20, 20, 10, 10, 0],
  );
  assert.equal(useWeight(-5 * H), 100, 'a use stamped slightly in the future counts as now');
});

test('count and recency both count: a daily role outranks a single use an hour ago', () => {
  const uses = [use('daily', 2 * H), use('daily', 1 * D + H), use('daily', 2 * D), use('once', H)];
  // daily: 100 + 60 + 60 = 220; once: 100.
  assert.deepEqual(rankByFrecency(uses, now, 5), ['daily', 'once']);
});

test('an old burst fades below one recent use', () => {
  const burst = Array.from({ length: 4 }, () => use('old', 40 * D));
  assert.deepEqual(rankByFrecency([...burst, use('new', H)], now, 5), ['new', 'old']);
});

test('ties go to the later last use, then to the role id; the limit is respected; uses past the window are dropped', () => {
  const uses = [use('b', 5 * H), use('a', 6 * H), use('c', 5 * H), use('gone', FRECENCY_WINDOW_MS + D)];
  assert.deepEqual(rankByFrecency(uses, now, 5), ['b', 'c', 'a']);
  assert.deepEqual(rankByFrecency(uses, now, 2), ['b', 'c']);
  assert.deepEqual(rankByFrecency(uses, now, 0), []);
  assert.deepEqual(rankByFrecency([], now, 5), []);
});

test('the last use is the latest one whatever order the uses come in', () => {
  // Both score 160; x was used last 4.5 h ago (listed after an older use), y 5 h ago.
  const uses = [use('x', 6 * H), use('y', 5 * H), use('x', 4.5 * H), use('y', 5 * H)];
  assert.deepEqual(rankByFrecency(uses, now, 5), ['x', 'y']);
});
