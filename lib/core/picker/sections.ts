/**
 * The windowed role list drawn as account cards: which cards to render for a range of rows, with the
 * padding that stands in for the rows of a card that are not rendered. A card's header is rendered
 * whenever any of its rows is, so every rendered row sits inside its account's card and under its header.
 */
import type { RowRange } from './window';

/** Row kinds as the list knows them: a card starts at an `account` row; `last` is a card's last row. */
export interface SectionRow {
  kind: 'account' | 'role';
  last: boolean;
}

export interface SectionSlice {
  /** Row index of the card's header. */
  header: number;
  /** Rendered role rows [first, last] (inclusive), or null when only the header is. */
  rows: [number, number] | null;
  /** Height of the card's unrendered roles above and below the rendered ones. */
  padTop: number;
  padBottom: number;
}

export interface SectionWindow {
  /** Height of the cards above the first rendered one, and below the last. */
  before: number;
  after: number;
  sections: SectionSlice[];
}

/** Each row's header, and each header's last row (computed once per list, not per scroll). */
export interface CardBounds {
  count: number;
  headerOf: Int32Array;
  lastOf: Int32Array;
}

export function cardBounds(rows: readonly SectionRow[]): CardBounds {
  const headerOf = new Int32Array(rows.length);
  const lastOf = new Int32Array(rows.length).fill(-1);
  let header = 0;
  rows.forEach((row, i) => {
    if (row.kind === 'account') header = i;
    headerOf[i] = header;
    if (row.last) lastOf[header] = i;
  });
  return { count: rows.length, headerOf, lastOf };
}

/**
 * `tops` from stackOffsets over row heights where a card's last row also carries the card's frame
 * (`frame`: borders and the gap below), so that padding is counted without it.
 */
export function sliceSections(bounds: CardBounds, tops: Float64Array, range: RowRange, frame: number): SectionWindow {
  const { count, headerOf, lastOf } = bounds;
  const total = tops[count] ?? 0;
  if (range.end < range.start || count === 0) return { before: 0, after: total, sections: [] };
  const endOf = (i: number, last: number) => (tops[i + 1] ?? 0) - (i === last ? frame : 0);
  const sections: SectionSlice[] = [];
  let h = headerOf[range.start] ?? 0;
  let cardEnd = h;
  while (h <= range.end && h < count) {
    const last = lastOf[h] ?? h;
    const first = Math.max(h + 1, range.start);
    const end = Math.min(last, range.end);
    const bodyTop = endOf(h, last);
    if (first <= end) sections.push({ header: h, rows: [first, end], padTop: (tops[first] ?? 0) - bodyTop, padBottom: endOf(last, last) - endOf(end, last) });
    else sections.push({ header: h, rows: null, padTop: endOf(last, last) - bodyTop, padBottom: 0 });
    cardEnd = last;
    h = last + 1;
  }
  return { before: tops[headerOf[range.start] ?? 0] ?? 0, after: total - (tops[cardEnd + 1] ?? total), sections };
}
