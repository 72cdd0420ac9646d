'use client';

import { useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { KeysPanel } from './keys-panel';
import {
  CONSOLE_SERVICES,
  describeCount,
  filterRoles,
  formatDuration,
  groupByAccount,
  requestKeys,
  roleSlug,
  type IssuedKeys,
  type RoleErrorView,
  type RoleView,
} from './role-view';

/** The signed-in user's roles, grouped by account, with console sign-in and temporary keys per role. */
export function RolePicker({ roles }: { roles: RoleView[] }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupByAccount(filterRoles(roles, query)), [roles, query]);
  const visible = useMemo(() => groups.flatMap((g) => g.roles), [groups]);
  const searchRef = useRef<HTMLInputElement>(null);
  const keys = useKeys();
  const nav = useRovingRows(visible, searchRef, (role) => void keys.open(role));
  if (roles.length === 0) return <NoRoles />;

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
          style={group.accountColour ? { borderLeft: `5px solid ${group.accountColour}` } : undefined}
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

/** Roving tabindex: one row is in the tab order; arrows move between rows; Enter opens keys; C opens the console. */
function useRovingRows(
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
function useKeys() {
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

interface RoleRowProps {
  role: RoleView;
  tabStop: boolean;
  loading: boolean;
  error: RoleErrorView | null;
  rowRef: (el: HTMLLIElement | null) => void;
  onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => void;
  onFocus: () => void;
  onKeys: () => void;
}

function RoleRow({
  role,
  tabStop,
  loading,
  error,
  rowRef,
  onKeyDown,
  onFocus,
  onKeys,
}: RoleRowProps) {
  const slug = roleSlug(role);
  return (
    <li
      ref={rowRef}
      className="role-row"
      tabIndex={tabStop ? 0 : -1}
      data-testid={`role-${slug}`}
      aria-label={`${role.roleName} in ${role.accountAlias}`}
      aria-keyshortcuts="Enter C"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="role-info">
        <div className="role-name" title={`Granted by ${role.grantedBy.join(', ') || 'policy'}`}>
          {role.roleName}
        </div>
        {role.description && <p className="role-desc">{role.description}</p>}
        <div className="role-meta">
          <span className="chip">{role.region}</span>
          <span className="chip">Max session {formatDuration(role.maxSessionDurationSeconds)}</span>
          {role.partition !== 'aws' && <span className="chip">{role.partition}</span>}
          {role.delivery === 'saml' && <span className="chip">SAML</span>}
          {role.scopedDown && <span className="chip" title="A session policy limits what these sessions can do" data-testid="scoped-chip">Scoped down</span>}
          {role.grant && <GrantChip grant={role.grant} />}
        </div>
        {role.grant && (
          <p className="role-desc" data-testid="grant-reason">
            Granted for: {role.grant.reason}
          </p>
        )}
      </div>
      <div className="role-actions">
        <form className="console-form" method="post" action="/api/aws/console" target="_blank">
          <input type="hidden" name="roleId" value={role.id} />
          <select
            name="service"
            className="select select-sm"
            aria-label={`Console page for ${role.roleName}`}
          >
            {CONSOLE_SERVICES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-sm btn-primary" data-testid={`console-${slug}`}>
            Console
          </button>
          {role.delivery === 'saml' && (
            <button
              type="submit"
              formAction="/api/aws/saml-console"
              className="btn btn-sm"
              title="Sign in by posting Rolegate's SAML assertion to AWS"
              data-testid={`console-saml-${slug}`}
            >
              via SAML
            </button>
          )}
        </form>
        <button
          type="button"
          className="btn btn-sm btn-keys"
          data-testid={`keys-${slug}`}
          aria-busy={loading}
          onClick={onKeys}
        >
          {loading && <span className="spinner" aria-hidden="true" />}
          Keys
        </button>
      </div>
      {error && (
        <div className="alert" role="alert" data-testid="role-error">
          <span>{error.message}</span>
          <code>{error.code}</code>
        </div>
      )}
    </li>
  );
}

/**
 * "Granted until 2026-05-01 12:05 UTC · 2 h 5 min left". Formatted without the locale so the server's
 * render and the browser's hydration produce the same text.
 */
function GrantChip({ grant }: { grant: NonNullable<RoleView['grant']> }) {
  return (
    <span className="chip chip-grant" data-testid="grant-chip" title="Time-limited grant">
      Granted until {grant.endsAt.replace('T', ' ').slice(0, 16)} UTC · {grant.remaining}
    </span>
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

function NoRoles() {
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
      </div>
    </div>
  );
}
