'use client';

import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { requestKeys, type IssuedKeys, type RoleErrorView, type RoleView } from './role-view';

/** Roving tabindex: one row is in the tab order; arrows move between rows; Enter opens keys; C opens the console. */
export function useRovingRows(
  visible: RoleView[],
  searchRef: RefObject<HTMLInputElement | null>,
  onEnter: (r: RoleView) => void,
) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const tabStopId = visible.some((r) => r.id === activeId) ? activeId : visible[0]?.id;
  const rowFor = (id: string | undefined) => (id ? rows.current.get(id) : undefined);
  const focusRow = (index: number) => rowFor(visible[index]?.id)?.focus();
  const register = (id: string) => (el: HTMLLIElement | null) => {
    if (el) rows.current.set(id, el);
    else rows.current.delete(id);
  };

  function onRowKeyDown(e: KeyboardEvent<HTMLLIElement>, role: RoleView) {
    // Keys typed into the row's own controls (select, buttons) keep their native meaning.
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = visible.indexOf(role);
    const form = e.currentTarget.querySelector('form');
    const actions: Record<string, () => void> = {
      ArrowDown: () => focusRow(Math.min(index + 1, visible.length - 1)),
      ArrowUp: () => (index === 0 ? searchRef.current?.focus() : focusRow(index - 1)),
      Home: () => focusRow(0),
      End: () => focusRow(visible.length - 1),
      Enter: () => onEnter(role),
      c: () => form?.requestSubmit(),
    };
    const action = actions[e.key === 'C' ? 'c' : e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  function onSearchKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'ArrowDown' || visible.length === 0) return;
    e.preventDefault();
    focusRow(0);
  }

  return { tabStopId, setActiveId, register, rowFor, onRowKeyDown, onSearchKeyDown };
}

/** Requests keys for one role at a time; credentials live only in this state and are dropped on close. */
export function useKeys() {
  const [loadingId, setLoadingId] = useState<string | null>(null);
  const [error, setError] = useState<(RoleErrorView & { roleId: string }) | null>(null);
  const [issued, setIssued] = useState<IssuedKeys | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  async function open(role: RoleView) {
    if (loadingId) return;
    returnFocus.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setLoadingId(role.id);
    setError(null);
    const result = await requestKeys(role.id);
    setLoadingId(null);
    if ('credentials' in result) setIssued(result);
    else setError({ roleId: role.id, ...result });
  }

  function close(fallback: HTMLElement | undefined) {
    setIssued(null);
    const back = returnFocus.current?.isConnected ? returnFocus.current : fallback;
    back?.focus();
  }

  return { loadingId, error, issued, open, close };
}
