'use client';

import { memo } from 'react';
import {
  CONSOLE_SERVICES,
  formatDuration,
  roleSlug,
  type RoleErrorView,
  type RoleView,
} from './role-view';
import { ErrorAlert } from '@/app/components/error-alert';
import { StarToggle } from './quick-roles';

interface RoleRowProps {
  role: RoleView;
  /** Place in its account's list (aria-posinset / aria-setsize: only some rows are rendered). */
  position: number;
  setSize: number;
  /** The list's one tab stop: this row and its controls are in the tab order, the others' are not. */
  tabStop: boolean;
  loading: boolean;
  error: RoleErrorView | null;
  /** Stable across renders (the row is memoised). Keys and focus are handled by the list (use-roving.ts). */
  onKeys: (role: RoleView) => void;
}

export const RoleRow = memo(function RoleRow({ role, position, setSize, tabStop, loading, error, onKeys }: RoleRowProps) {
  const slug = roleSlug(role);
  return (
    <li
      className="role-row"
      tabIndex={tabStop ? 0 : -1}
      data-testid={`role-${slug}`}
      data-item-key={role.id}
      data-focus-key={role.id}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-label={`${role.roleName} in ${role.accountAlias}`}
      aria-keyshortcuts="Enter C"
    >
      <RoleInfo role={role} />
      <RoleActions role={role} slug={slug} loading={loading} tabIndex={tabStop ? 0 : -1} onKeys={onKeys} />
      {error && <ErrorAlert error={error} testId="role-error" />}
    </li>
  );
});

function RoleInfo({ role }: { role: RoleView }) {
  return (
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
        {role.scopedDown && (
          <span
            className="chip"
            title="A session policy limits what these sessions can do"
            data-testid="scoped-chip"
          >
            Scoped down
          </span>
        )}
        {role.grant && <GrantChip grant={role.grant} />}
      </div>
      {role.grant && (
        <p className="role-desc" data-testid="grant-reason">
          Granted for: {role.grant.reason}
        </p>
      )}
    </div>
  );
}

interface RoleActionsProps {
  role: RoleView;
  slug: string;
  loading: boolean;
  tabIndex: 0 | -1;
  onKeys: (role: RoleView) => void;
}

/**
 * The console form (service deep link, SAML variant for SAML roles) and the Keys button. Each button's
 * accessible name starts with its visible label and names the role and account ("Keys for ReadOnly in
 * prod"): a screen reader's button list is otherwise a column of identical "Keys".
 */
function RoleActions({ role, slug, loading, tabIndex, onKeys }: RoleActionsProps) {
  const target = <span className="visually-hidden"> for {role.roleName} in {role.accountAlias}</span>;
  return (
    <div className="role-actions">
      <StarToggle role={role} tabIndex={tabIndex} />
      <form className="console-form" method="post" action="/api/aws/console" target="_blank">
        <input type="hidden" name="roleId" value={role.id} />
        <select
          name="service"
          tabIndex={tabIndex}
          className="select select-sm"
          aria-label={`Console page for ${role.roleName}`}
        >
          {CONSOLE_SERVICES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" tabIndex={tabIndex} className="btn btn-sm btn-primary" data-testid={`console-${slug}`}>
          Console{target}
        </button>
        {role.delivery === 'saml' && (
          <button
            type="submit"
            formAction="/api/aws/saml-console"
            tabIndex={tabIndex}
            className="btn btn-sm"
            title="Sign in by posting Rolegate's SAML assertion to AWS"
            data-testid={`console-saml-${slug}`}
          >
            via SAML{target}
          </button>
        )}
      </form>
      <button
        type="button"
        tabIndex={tabIndex}
        className="btn btn-sm btn-keys"
        data-testid={`keys-${slug}`}
        aria-busy={loading}
        onClick={() => onKeys(role)}
      >
        {loading && <span className="spinner" aria-hidden="true" />}
        Keys{target}
      </button>
    </div>
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
