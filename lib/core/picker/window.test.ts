/** Issue 15 §4: which rows of a windowed list are rendered, and the padding for the rest. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardBounds, sliceSections, type SectionRow } from './sections';
import { rowAt, scrollToReveal, stackOffsets, viewportInList, visibleRows } from './window';

test('offsets stack the heights; negative heights count as 0', () => {
  assert.deepEqual([...stackOffsets([10, 20, 30])], [0, 10, 30, 60]);
  assert.deepEqual([...stackOffsets([5, -3, 5])], [0, 5, 5, 10]);
  assert.deepEqual([...stackOffsets([])], [0]);
});

test('rowAt finds the row containing y, clamped to the first and last row', () => {
  const tops = stackOffsets([10, 20, 30]);
  assert.deepEqual([-5, 0, 9.9, 10, 29, 30, 59, 60, 1e9].map((y) => rowAt(tops, y)), [0, 0, 0, 1, 1, 2, 2, 2, 2]);
  assert.equal(rowAt(stackOffsets([]), 0), -1);
});

test('visibleRows: the rows meeting [from, to), at least one, none for an empty list', () => {
  const tops = stackOffsets(Array.from({ length: 100 }, () => 50));
  assert.deepEqual(visibleRows(tops, 0, 200), { start: 0, end: 3 });
  assert.deepEqual(visibleRows(tops, 1010, 1100), { start: 20, end: 21 });
  assert.deepEqual(visibleRows(tops, -800, 100), { start: 0, end: 1 });
  assert.deepEqual(visibleRows(tops, 9_000, 9_000), { start: 99, end: 99 });
  assert.deepEqual(visibleRows(stackOffsets([]), 0, 100), { start: 0, end: -1 });
});

test('the viewport in list coordinates, with overscan; scrolling to reveal a row only when it is not in view', () => {
  assert.deepEqual(viewportInList(1000, 900, 300, 100), { from: 600, to: 1700 });
  const view = { scrollY: 1000, height: 900, listTop: 300 };
  assert.equal(scrollToReveal({ top: 800, bottom: 900 }, view), null);
  assert.equal(scrollToReveal({ top: 600, bottom: 700 }, view), 900);
  assert.equal(scrollToReveal({ top: 1600, bottom: 1700 }, view), 1100);
});

// Two cards: A (header 0, roles 1–3), B folded (header 4), C (header 5, roles 6–7).
const rows: SectionRow[] = [
  { kind: 'account', last: false }, { kind: 'role', last: false }, { kind: 'role', last: false }, { kind: 'role', last: true },
  { kind: 'account', last: true },
  { kind: 'account', last: false }, { kind: 'role', last: false }, { kind: 'role', last: true },
];
const FRAME = 20;
// Headers 40, roles 100; a card's last row carries the frame.
const tops = stackOffsets(rows.map((r) => (r.kind === 'account' ? 40 : 100) + (r.last ? FRAME : 0)));

test('cardBounds: each row knows its header, each header its last row', () => {
  const { headerOf, lastOf } = cardBounds(rows);
  assert.deepEqual([...headerOf], [0, 0, 0, 0, 4, 5, 5, 5]);
  assert.deepEqual([lastOf[0], lastOf[4], lastOf[5]], [3, 4, 7]);
});

test('a range in the middle of a card renders its header and pads the roles above and below', () => {
  const w = sliceSections(cardBounds(rows), tops, { start: 2, end: 2 }, FRAME);
  assert.deepEqual(w.sections, [{ header: 0, rows: [2, 2], padTop: 100, padBottom: 100 }]);
  assert.equal(w.before, 0);
  assert.equal(w.after, (tops[8] ?? 0) - (tops[4] ?? 0));
  // Rendered: header 40 + padTop + row + padBottom + frame = the card's whole height.
  assert.equal(40 + 100 + 100 + 100 + FRAME, tops[4]);
});

test('a range across cards: the folded card is its header alone, the next card is cut after its first role', () => {
  const w = sliceSections(cardBounds(rows), tops, { start: 3, end: 6 }, FRAME);
  assert.deepEqual(w.sections, [
    { header: 0, rows: [3, 3], padTop: 200, padBottom: 0 },
    { header: 4, rows: null, padTop: 0, padBottom: 0 },
    { header: 5, rows: [6, 6], padTop: 0, padBottom: 100 },
  ]);
  assert.equal(w.before + w.after, 0);
});

test('a range ending on a header pads that card\'s roles; an empty range pads everything', () => {
  const w = sliceSections(cardBounds(rows), tops, { start: 5, end: 5 }, FRAME);
  assert.deepEqual(w.sections, [{ header: 5, rows: null, padTop: 200, padBottom: 0 }]);
  assert.equal(w.before, tops[5]);
  assert.equal(w.after, 0);
  assert.deepEqual(sliceSections(cardBounds(rows), tops, { start: 0, end: -1 }, FRAME), { before: 0, after: tops[8], sections: [] });
  assert.deepEqual(sliceSections(cardBounds([]), stackOffsets([]), { start: 0, end: -1 }, FRAME), { before: 0, after: 0, sections: [] });
});
