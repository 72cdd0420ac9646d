/**
 * Windowing arithmetic for a long list of rows of varying height (the role picker, issue 15 §4): where
 * each row starts, which rows meet the viewport, and how tall the unrendered stretches are. Heights are
 * measured once a row has been shown and estimated before; the page renders only the rows returned here.
 */

/** `tops[i]` is where row i starts, `tops[n]` the total height. */
export function stackOffsets(sizes: readonly number[]): Float64Array {
  const tops = new Float64Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) tops[i + 1] = tops[i]! + Math.max(0, sizes[i] ?? 0);
  return tops;
}

/** The row containing `y` (the first when above, the last when below); -1 for no rows. */
export function rowAt(tops: Float64Array, y: number): number {
  const n = tops.length - 1;
  if (n <= 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface RowRange {
  /** First row to render (inclusive). */
  start: number;
  /** Last row to render (inclusive); `end < start` when there is none. */
  end: number;
}

/** Rows that meet [from, to) (list coordinates), never fewer than one when the list has rows. */
export function visibleRows(tops: Float64Array, from: number, to: number): RowRange {
  if (tops.length <= 1) return { start: 0, end: -1 };
  const start = rowAt(tops, Math.max(0, from));
  const end = Math.max(start, rowAt(tops, Math.max(from, to - 1)));
  return { start, end };
}

/** The viewport in list coordinates, widened by `overscan` on both sides. */
export function viewportInList(scrollY: number, viewportHeight: number, listTop: number, overscan: number): { from: number; to: number } {
  return { from: scrollY - listTop - overscan, to: scrollY - listTop + viewportHeight + overscan };
}

/** Where to scroll so that the row [top, bottom) (list coordinates) is fully in view; null when it is. */
export function scrollToReveal(row: { top: number; bottom: number }, view: { scrollY: number; height: number; listTop: number }): number | null {
  const top = view.listTop + row.top;
  const bottom = view.listTop + row.bottom;
  if (top < view.scrollY) return top;
  if (bottom > view.scrollY + view.height) return bottom - view.height;
  return null;
}
