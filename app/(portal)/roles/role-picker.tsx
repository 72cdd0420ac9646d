'use client';

import { useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { KeysPanel } from './keys-panel';
import { QuickRoles } from './quick-roles';
import { useKeys, useRovingRows } from './role-picker-hooks';
import { RoleRow } from './role-row';
import { describeCount, filterRoles, groupByAccount, type RoleView } from './role-view';

/** The signed-in user's roles, grouped by account, with console sign-in and temporary keys per role. */
export function RolePicker({ roles, groups: arrived }: { roles: RoleView[]; groups: string[] }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupByAccount(filterRoles(roles, query)), [roles, query]);
  const visible = useMemo(() => groups.flatMap((g) => g.roles), [groups]);
  const searchRef = useRef<HTMLInputElement>(null);
  const keys = useKeys();
  const nav = useRovingRows(visible, searchRef, (role) => void keys.open(role));
  if (roles.length === 0) return <NoRoles groups={arrived} />;

  return (
    <div className="role-picker">
      <PageHead />
      <SearchBar
        inputRef={searchRef}
        value={query}
        onChange={setQuery}
        onKeyDown={nav.onSearchKeyDown}
        count={describeCount(visible.length, groups.length)}
      />
      <QuickRoles roles={roles} loadingId={keys.loadingId} onKeys={(role) => void keys.open(role)} />
      {visible.length === 0 && (
        <div className="card empty" data-testid="no-match">
          <h2>No roles match</h2>
          <p>Try fewer or different words, or clear the filter.</p>
        </div>
      )}
      {groups.map((group) => (
        <section
          key={group.accountId}
          className="card account"
          aria-labelledby={`acct-${group.accountId}`}
          // Only a validated #rrggbb from the config reaches this style.
          style={
            group.accountColour ? { borderLeft: `5px solid ${group.accountColour}` } : undefined
          }
          data-colour={group.accountColour}
        >
          <header className="account-header">
            <h2 id={`acct-${group.accountId}`}>{group.accountAlias}</h2>
            <span className="mono muted" data-testid={`account-${group.accountId}`}>
              {group.accountId}
            </span>
          </header>
          <ul className="role-list">
            {group.roles.map((role) => (
              <RoleRow
                key={role.id}
                role={role}
                tabStop={role.id === nav.tabStopId}
                loading={keys.loadingId === role.id}
                error={keys.error?.roleId === role.id ? keys.error : null}
                rowRef={nav.register(role.id)}
                onKeyDown={(e) => nav.onRowKeyDown(e, role)}
                onFocus={() => nav.setActiveId(role.id)}
                onKeys={() => void keys.open(role)}
              />
            ))}
          </ul>
        </section>
      ))}
      {keys.issued && (
        <KeysPanel {...keys.issued} onClose={() => keys.close(nav.rowFor(keys.issued?.role.id))} />
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
}

function SearchBar({ inputRef, value, onChange, onKeyDown, count }: SearchBarProps) {
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
