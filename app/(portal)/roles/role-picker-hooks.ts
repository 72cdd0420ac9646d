'use client';

import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { loadKeysPanel } from './keys-panel-lazy';
import { requestKeys, type IssuedKeys, type RoleErrorView, type RoleView } from './role-view';

const NONE: ReadonlySet<string> = new Set();

/**
 * Folded accounts. Without a filter the person's folds hold; while a filter is typed every account with a
 * match is unfolded (the match is what they are looking for), and folds made then last until the filter
 * changes.
 */
export function useFolds(query: string) {
  const [base, setBase] = useState(NONE);
  const [filtered, setFiltered] = useState({ query: '', ids: NONE });
  const folded = query === '' ? base : filtered.query === query ? filtered.ids : NONE;
  const apply = (change: (ids: ReadonlySet<string>) => ReadonlySet<string>) => {
    if (query === '') setBase(change);
    else setFiltered((f) => ({ query, ids: change(f.query === query ? f.ids : NONE) }));
  };
  const fold = useStableCallback((accountId: string, fold: boolean) =>
    apply((ids) => {
      if (ids.has(accountId) === fold) return ids;
      const next = new Set(ids);
      if (fold) next.add(accountId);
      else next.delete(accountId);
      return next;
    }),
  );
  const foldAll = useStableCallback((accountIds: readonly string[]) => apply(() => new Set(accountIds)));
  return { folded, fold, foldAll };
}

/** A function with a stable identity that always runs the latest `fn` (rows stay memoised across renders). */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
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
    // A failed chunk load is not this request's error: lazy() loads it again when the panel renders.
    loadKeysPanel().catch(() => undefined);
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
