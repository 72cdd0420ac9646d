'use client';

import { useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { ListItem } from '@/lib/core/picker/list';
import type { RoleView } from '@/lib/core/picker/catalogue';
import type { ListWindow } from './use-list-window';

export interface RovingActions {
  onEnter: (role: RoleView) => void;
  onFold: (accountId: string, folded: boolean) => void;
}

/** The focusable element of a row: the role's `li`, or the account header's fold button. */
export function focusTarget(list: HTMLElement | null, key: string): HTMLElement | null {
  return list?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) ?? null;
}

/**
 * key → position in `items`, the map built on first use: each filter keystroke brings new items, and
 * while typing nothing asks (about 0.6 ms a keystroke at 2,000 roles, issue 15 §4).
 */
function keyIndex(items: readonly ListItem[]): (key: string) => number | undefined {
  let map: Map<string, number> | undefined;
  return (key) => (map ??= new Map(items.map((item, i) => [item.key, i] as const))).get(key);
}

/**
 * Roving tabindex over the windowed list (WAI-ARIA APG "roving tabindex"): the list is one tab stop —
 * the row last focused while it is rendered, else the first rendered row — and only that row's own
 * controls are in the tab order. ↑/↓ move between account headers and roles, Home/End go to the ends,
 * ← on a role goes to its account, ←/→ on a header fold and unfold, Enter opens keys, C the console. A
 * row outside the window is scrolled into view first and focused once rendered.
 */
export function useRovingList(items: readonly ListItem[], win: ListWindow, searchRef: RefObject<HTMLInputElement | null>, actions: RovingActions) {
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  const indexOf = useMemo(() => keyIndex(items), [items]);
  const active = activeKey === null ? undefined : indexOf(activeKey);
  const rendered = active !== undefined && active >= win.range.start && active <= win.range.end;
  const tabStopKey = rendered ? activeKey : (items[win.range.start]?.key ?? null);

  useLayoutEffect(() => {
    if (pending.current === null) return;
    const el = focusTarget(win.listRef.current, pending.current);
    if (!el) return;
    pending.current = null;
    el.focus();
  });

  function moveTo(index: number) {
    const i = Math.max(0, Math.min(index, items.length - 1));
    const item = items[i];
    if (!item) return;
    setActiveKey(item.key);
    const el = focusTarget(win.listRef.current, item.key);
    if (el) {
      el.focus();
      return;
    }
    pending.current = item.key;
    win.reveal(i);
  }

  function keyAction(e: KeyboardEvent<HTMLElement>, i: number, item: ListItem): (() => void) | undefined {
    const common: Record<string, () => void> = {
      ArrowDown: () => moveTo(i + 1),
      ArrowUp: () => (i === 0 ? searchRef.current?.focus() : moveTo(i - 1)),
      Home: () => moveTo(0),
      End: () => moveTo(items.length - 1),
    };
    if (item.kind === 'account') {
      const { accountId } = item.group;
      const forAccount: Record<string, () => void> = { ...common, ArrowLeft: () => actions.onFold(accountId, true), ArrowRight: () => actions.onFold(accountId, false) };
      return forAccount[e.key];
    }
    const row = e.target as HTMLElement;
    const forRole: Record<string, () => void> = {
      ...common,
      ArrowLeft: () => moveTo(items.findLastIndex((it, j) => j < i && it.kind === 'account')),
      Enter: () => actions.onEnter(item.role),
      c: () => row.querySelector('form')?.requestSubmit(),
    };
    return forRole[e.key === 'C' ? 'c' : e.key];
  }

  /** Delegated from the list: keys typed into a row's own controls (select, buttons) keep their meaning. */
  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const key = (e.target as HTMLElement).dataset.focusKey;
    const i = key === undefined ? undefined : indexOf(key);
    const item = i === undefined ? undefined : items[i];
    if (i === undefined || !item || e.altKey || e.ctrlKey || e.metaKey) return;
    const action = keyAction(e, i, item);
    if (!action) return;
    e.preventDefault();
    action();
  }

  /** Delegated from the list: focus anywhere in a row (a click on its button too) makes it the tab stop. */
  function onFocus(e: FocusEvent<HTMLElement>) {
    const key = (e.target as HTMLElement).closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey;
    if (key !== undefined && key !== activeKey) setActiveKey(key);
  }

  function onSearchKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'ArrowDown' || items.length === 0) return;
    e.preventDefault();
    moveTo(0);
  }

  return { tabStopKey, onKeyDown, onFocus, onSearchKeyDown };
}
