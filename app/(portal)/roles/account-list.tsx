'use client';

import { memo, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { AccountGroup, RoleView } from '@/lib/core/picker/catalogue';
import type { ListItem } from '@/lib/core/picker/list';
import type { SectionSlice, SectionWindow } from '@/lib/core/picker/sections';
import { RoleRow } from './role-row';
import type { RoleErrorView } from './role-view';

type AccountItem = Extract<ListItem, { kind: 'account' }>;
type RoleItem = Extract<ListItem, { kind: 'role' }>;

interface AccountListProps {
  items: readonly ListItem[];
  listRef: RefObject<HTMLDivElement | null>;
  slices: SectionWindow;
  tabStopKey: string | null;
  loadingId: string | null;
  error: (RoleErrorView & { roleId: string }) | null;
  onKeys: (role: RoleView) => void;
  onFold: (accountId: string, folded: boolean) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  onFocus: (e: FocusEvent<HTMLElement>) => void;
}

/**
 * The accounts as cards, windowed (use-list-window.ts): only cards with a row near the viewport are in
 * the DOM, each with its header and its rows near the viewport; padding stands in for the rest. Memoised,
 * with stable props: a keystroke in the filter re-renders the box at once and the list only when the
 * deferred query reaches it (useDeferredValue defers nothing for a component that renders anyway).
 */
export const AccountList = memo(function AccountList({ items, listRef, slices, onKeyDown, onFocus, ...rows }: AccountListProps) {
  const { before, after, sections } = slices;
  return (
    // Key and focus handling is delegated here from the rows (use-roving.ts), so rows need no handlers.
    <div ref={listRef} className="account-list" style={{ paddingTop: before, paddingBottom: after }} onKeyDown={onKeyDown} onFocus={onFocus}>
      {sections.map((slice) => (
        <AccountCard key={items[slice.header]?.key} items={items} slice={slice} {...rows} />
      ))}
    </div>
  );
});

type CardProps = Omit<AccountListProps, 'listRef' | 'slices' | 'onKeyDown' | 'onFocus'> & { slice: SectionSlice };

function AccountCard({ items, slice, tabStopKey, loadingId, error, onKeys, onFold }: CardProps) {
  const head = items[slice.header] as AccountItem;
  const { group } = head;
  const rows = slice.rows ? (items.slice(slice.rows[0], slice.rows[1] + 1) as RoleItem[]) : [];
  return (
    <section
      className="card account"
      aria-labelledby={`acct-${group.accountId}`}
      // Only a validated #rrggbb from the config reaches this style.
      style={group.accountColour ? { borderLeft: `5px solid ${group.accountColour}` } : undefined}
      data-colour={group.accountColour}
    >
      <AccountHeader group={group} folded={head.folded} tabStop={tabStopKey === head.key} itemKey={head.key} onFold={onFold} />
      {!head.folded && (
        <ul className="role-list" id={`roles-${group.accountId}`} style={{ paddingTop: slice.padTop, paddingBottom: slice.padBottom }}>
          {rows.map(({ key, role, position, setSize }) => (
            <RoleRow
              key={key}
              role={role}
              position={position}
              setSize={setSize}
              tabStop={tabStopKey === key}
              loading={loadingId === role.id}
              error={error?.roleId === role.id ? error : null}
              onKeys={onKeys}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface HeaderProps {
  group: AccountGroup;
  folded: boolean;
  tabStop: boolean;
  itemKey: string;
  onFold: (accountId: string, folded: boolean) => void;
}

const AccountHeader = memo(function AccountHeader({ group, folded, tabStop, itemKey, onFold }: HeaderProps) {
  const count = group.roles.length;
  return (
    <header className="account-header" data-item-key={itemKey}>
      <h2 id={`acct-${group.accountId}`}>
        <button
          type="button"
          className="account-toggle"
          tabIndex={tabStop ? 0 : -1}
          data-focus-key={itemKey}
          data-testid={`account-toggle-${group.accountId}`}
          aria-expanded={!folded}
          aria-controls={folded ? undefined : `roles-${group.accountId}`}
          onClick={() => onFold(group.accountId, !folded)}
        >
          <span className="account-chevron" aria-hidden="true" />
          {group.accountAlias}
        </button>
      </h2>
      <span className="mono muted" data-testid={`account-${group.accountId}`}>
        {group.accountId}
      </span>
      <span className="muted account-count">
        {count} {count === 1 ? 'role' : 'roles'}
      </span>
    </header>
  );
});
