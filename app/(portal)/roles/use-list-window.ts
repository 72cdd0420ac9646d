'use client';

import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { isAccountKey, type ListItem } from '@/lib/core/picker/list';
import { cardBounds, sliceSections, type SectionWindow } from '@/lib/core/picker/sections';
import { scrollToReveal, stackOffsets, viewportInList, visibleRows, type RowRange } from '@/lib/core/picker/window';

/**
 * Heights (px) until a row has been measured — a typical header and role row in globals.css — and a card's
 * frame (its borders plus the gap below it). Measurements are rounded to whole pixels, and one that
 * matches what the row was counted at changes nothing: a row of the usual height costs no second render.
 */
const ESTIMATE = { account: 48, role: 100 } as const;
const FRAME_ESTIMATE = 22;
/** Rows rendered beyond the viewport on each side, so that scrolling shows rows already laid out. */
const OVERSCAN_PX = 300;
/** Viewport changes smaller than this do not re-render the list. */
const STEP_PX = 100;
/** The window of the server's render and of hydration, before the browser's viewport is known. */
const FIRST_VIEW = { from: 0, to: 1_400 };

export interface ListWindow {
  listRef: RefObject<HTMLDivElement | null>;
  range: RowRange;
  slices: SectionWindow;
  /** Scrolls row `index` into view, so that the next render includes it. */
  reveal(index: number): void;
}

const snap = (v: { from: number; to: number }) => ({ from: Math.floor(v.from / STEP_PX) * STEP_PX, to: Math.ceil(v.to / STEP_PX) * STEP_PX });

/** Measures rendered rows (ResizeObserver) and the card frame; unmeasured rows count at their estimate. */
function useMeasuredHeights(listRef: RefObject<HTMLDivElement | null>) {
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [frame, setFrame] = useState(FRAME_ESTIMATE);
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<HTMLElement>());
  const frameMeasured = useRef(false);
  // A layout effect, declared first: the observer exists before the effect below first looks for rows.
  useLayoutEffect(() => {
    const ro = new ResizeObserver((entries) => {
      const sizes = entries.flatMap(({ target, borderBoxSize }) => {
        const el = target as HTMLElement;
        const h = Math.round(borderBoxSize[0]?.blockSize ?? el.offsetHeight);
        return el.dataset.itemKey && el.isConnected && h > 0 ? [[el.dataset.itemKey, h] as const] : [];
      });
      setHeights((prev) => {
        const counted = (key: string) => prev.get(key) ?? (isAccountKey(key) ? ESTIMATE.account : ESTIMATE.role);
        const changed = sizes.filter(([key, h]) => counted(key) !== h);
        return changed.length === 0 ? prev : new Map([...prev, ...changed]);
      });
    });
    observer.current = ro;
    return () => ro.disconnect();
  }, []);
  // After every render: observe rows that are new, forget rows that are gone, measure the frame once.
  useLayoutEffect(() => {
    const list = listRef.current;
    const ro = observer.current;
    if (!list || !ro) return;
    for (const el of observed.current) {
      if (el.isConnected) continue;
      ro.unobserve(el);
      observed.current.delete(el);
    }
    for (const el of list.querySelectorAll<HTMLElement>('[data-item-key]')) {
      if (observed.current.has(el)) continue;
      ro.observe(el);
      observed.current.add(el);
    }
    const card = list.querySelector<HTMLElement>('section');
    if (!card || frameMeasured.current) return;
    frameMeasured.current = true;
    const parts = [...card.children].reduce((sum, el) => sum + (el as HTMLElement).offsetHeight, 0);
    setFrame(card.offsetHeight - parts + parseFloat(getComputedStyle(card).marginBottom));
  });
  const sizeOf = useCallback((item: ListItem) => (heights.get(item.key) ?? ESTIMATE[item.kind]) + (item.last ? frame : 0), [heights, frame]);
  return { sizeOf, frame };
}

/** Renders only the rows near the viewport (window scrolling); the rest is padding of the right height. */
export function useListWindow(items: readonly ListItem[]): ListWindow {
  const listRef = useRef<HTMLDivElement>(null);
  const { sizeOf, frame } = useMeasuredHeights(listRef);
  const [view, setView] = useState(FIRST_VIEW);
  const tops = useMemo(() => stackOffsets(items.map(sizeOf)), [items, sizeOf]);
  const range = useMemo(() => visibleRows(tops, view.from, view.to), [tops, view]);
  const bounds = useMemo(() => cardBounds(items), [items]);
  const slices = useMemo(() => sliceSections(bounds, tops, range, frame), [bounds, tops, range, frame]);

  const listTop = () => (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
  const readView = useCallback(() => {
    const next = snap(viewportInList(window.scrollY, window.innerHeight, listTop(), OVERSCAN_PX));
    setView((v) => (v.from === next.from && v.to === next.to ? v : next));
  }, []);

  useLayoutEffect(() => {
    readView();
    let frameId = 0;
    const onChange = () => {
      cancelAnimationFrame(frameId);
      frameId = requestAnimationFrame(readView);
    };
    window.addEventListener('scroll', onChange, { passive: true });
    window.addEventListener('resize', onChange);
    return () => {
      cancelAnimationFrame(frameId);
      window.removeEventListener('scroll', onChange);
      window.removeEventListener('resize', onChange);
    };
  }, [readView]);

  const reveal = useCallback((index: number) => {
    const item = items[index];
    if (!item) return;
    const bottom = (tops[index + 1] ?? 0) - (item.last ? frame : 0);
    const y = scrollToReveal({ top: tops[index] ?? 0, bottom }, { scrollY: window.scrollY, height: window.innerHeight, listTop: listTop() });
    if (y !== null) window.scrollTo({ top: y });
    readView();
  }, [items, tops, frame, readView]);

  return { listRef, range, slices, reveal };
}
