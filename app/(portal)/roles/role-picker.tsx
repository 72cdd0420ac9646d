'use client';

import { Suspense, useDeferredValue, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { decodeCatalogue, type WireCatalogue } from '@/lib/core/picker/catalogue';
import { countRoles, describeCount, filterGroups, listItems, searchIndex } from '@/lib/core/picker/list';
import { AccountList } from './account-list';
import { KeysPanel } from './keys-panel-lazy';
import { useFolds, useKeys, useStableCallback } from './role-picker-hooks';
import { focusTarget, useRovingList } from './use-roving';
import { useListWindow } from './use-list-window';
import { QuickRoles } from './quick-roles';

/**
 * The signed-in user's roles, grouped by account, with console sign-in and temporary keys per role.
 * Issue 15 §4 (2,000 roles in 300 accounts): the filter is typed without waiting for the list (the list
 * follows a deferred copy of the query, matched against search text computed once), only rows near the
 * viewport are rendered, rows are memoised with stable handlers, and accounts fold.
 */
export function RolePicker({ catalogue, groups: arrived }: { catalogue: WireCatalogue; groups: string[] }) {
  const all = useMemo(() => decodeCatalogue(catalogue), [catalogue]);
  const index = useMemo(() => searchIndex(all), [all]);
  const flat = useMemo(() => all.flatMap((g) => g.roles), [all]);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => filterGroups(index, deferred), [index, deferred]);
  const folds = useFolds(deferred);
  const items = useMemo(() => listItems(shown, folds.folded), [shown, folds.folded]);
  const searchRef = useRef<HTMLInputElement>(null);
  const keys = useKeys();
  const onKeys = useStableCallback((role: Parameters<typeof keys.open>[0]) => void keys.open(role));
  const win = useListWindow(items);
  const nav = useRovingList(items, win, searchRef, { onEnter: onKeys, onFold: folds.fold });
  const onListKeyDown = useStableCallback(nav.onKeyDown);
  const onListFocus = useStableCallback(nav.onFocus);
  if (all.length === 0) return <NoRoles groups={arrived} />;
  const roleCount = countRoles(shown);

  return (
    <div className="role-picker">
      <PageHead />
      <SearchBar
        inputRef={searchRef}
        value={query}
        onChange={setQuery}
        onKeyDown={nav.onSearchKeyDown}
        count={describeCount(roleCount, shown.length)}
        onFoldAll={(fold) => folds.foldAll(fold ? shown.map((g) => g.accountId) : [])}
      />
      <QuickRoles roles={flat} loadingId={keys.loadingId} onKeys={onKeys} />
      {roleCount === 0 && (
        <div className="card empty" data-testid="no-match">
          <h2>No roles match</h2>
          <p>Try fewer or different words, or clear the filter.</p>
        </div>
      )}
      <AccountList
        items={items}
        listRef={win.listRef}
        slices={win.slices}
        tabStopKey={nav.tabStopKey}
        loadingId={keys.loadingId}
        error={keys.error}
        onKeys={onKeys}
        onFold={folds.fold}
        onKeyDown={onListKeyDown}
        onFocus={onListFocus}
      />
      {keys.issued && (
        <Suspense fallback={null}>
          <KeysPanel {...keys.issued} onClose={() => keys.close(focusTarget(win.listRef.current, keys.issued?.role.id ?? '') ?? undefined)} />
        </Suspense>
      )}
    </div>
  );
}

interface SearchBarProps {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  count: string;
  onFoldAll: (fold: boolean) => void;
}

function SearchBar({ inputRef, value, onChange, onKeyDown, count, onFoldAll }: SearchBarProps) {
  return (
    <div className="toolbar">
      <label htmlFor="role-search" className="visually-hidden">
        Filter roles and accounts
      </label>
      <input
        ref={inputRef}
        id="role-search"
        className="input"
        type="search"
        data-testid="role-search"
        placeholder="Filter roles and accounts…"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="toolbar-meta">
        <span aria-live="polite" data-testid="role-count">
          {count}
        </span>
        <span className="fold-all">
          <button type="button" className="btn-link" data-testid="fold-all" onClick={() => onFoldAll(true)}>
            Collapse all
          </button>
          <button type="button" className="btn-link" data-testid="unfold-all" onClick={() => onFoldAll(false)}>
            Expand all
          </button>
        </span>
        <span className="toolbar-hint" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> keys · <kbd>C</kbd> console ·{' '}
          <kbd>Esc</kbd> close
        </span>
      </div>
    </div>
  );
}

function PageHead() {
  return (
    <div className="page-head">
      <h1 className="page-title">Your AWS roles</h1>
      <p className="muted">
        Open the AWS console or get temporary keys for a role your groups allow.
      </p>
    </div>
  );
}

/** Shown groups are capped: an IdP may send hundreds, and the admin only needs to see what arrived. */
const MAX_GROUPS_SHOWN = 50;

/** No role: says which groups the IdP sent (issue 13 §7), so the person can tell their administrator. */
function NoRoles({ groups: sent }: { groups: string[] }) {
  const groups = [...new Set(sent)];
  const shown = groups.slice(0, MAX_GROUPS_SHOWN);
  return (
    <div className="role-picker">
      <PageHead />
      <div className="card empty" data-testid="no-roles">
        <h2>No roles are mapped to your groups yet</h2>
        <p>
          Rolegate offers AWS roles based on the groups your identity provider sends. Ask your
          Rolegate administrator to map one of your groups to a role, then sign out and sign in
          again.
        </p>
        {groups.length === 0 ? (
          <p className="group-intro" data-testid="no-roles-groups-none">Your identity provider sent no groups for you.</p>
        ) : (
          <>
            <p className="group-intro">Your identity provider sent {groups.length === 1 ? 'this group' : `these ${groups.length} groups`}:</p>
            <ul className="group-list" data-testid="no-roles-groups">
              {shown.map((g) => <li key={g}><code>{g}</code></li>)}
            </ul>
            {groups.length > shown.length && <p className="muted">…and {groups.length - shown.length} more.</p>}
          </>
        )}
      </div>
    </div>
  );
}
