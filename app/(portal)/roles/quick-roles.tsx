'use client';

import { createContext, memo, useContext, useMemo, useState, type ReactNode } from 'react';
import { ErrorAlert } from '@/app/components/error-alert';
import { roleSlug, type RoleErrorView, type RoleView } from './role-view';
import { parseQuickRoles, toggleFavourite, type QuickRoleIds } from './quick-roles-api';

interface Favourites {
  quick: QuickRoleIds;
  starred: ReadonlySet<string>;
  busyId: string | null;
  error: (RoleErrorView & { roleId: string }) | null;
  toggle: (role: RoleView) => void;
}

const FavouritesContext = createContext<Favourites | null>(null);

/**
 * Holds the person's favourites and recent roles (kept on the server: /api/v1/favourites). A context, not
 * props, so the star in each role row reads it without the list passing anything down.
 */
export function FavouritesProvider({ initial, children }: { initial: QuickRoleIds; children: ReactNode }) {
  const [quick, setQuick] = useState(initial);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<Favourites['error']>(null);
  const value = useMemo<Favourites>(() => {
    const starred = new Set(quick.favourites);
    async function toggle(role: RoleView) {
      setBusyId(role.id);
      setError(null);
      const result = await toggleFavourite(role.id, !starred.has(role.id));
      setBusyId(null);
      const next = result.ok ? parseQuickRoles(result.body) : null;
      if (next) setQuick(next);
      else setError({ roleId: role.id, ...(result.ok ? { code: 'INTERNAL', message: 'Rolegate answered with something unexpected.' } : result.refusal) });
    }
    return { quick, starred, busyId, error, toggle: (role) => void toggle(role) };
  }, [quick, busyId, error]);
  return <FavouritesContext.Provider value={value}>{children}</FavouritesContext.Provider>;
}

function useFavourites(): Favourites {
  const value = useContext(FavouritesContext);
  if (!value) throw new Error('StarToggle and QuickRoles need a FavouritesProvider');
  return value;
}

/** ☆/★ for one role: a toggle button (aria-pressed) that stars or unstars it on the server. */
export function StarToggle({ role, tabIndex, testId }: { role: RoleView; tabIndex?: 0 | -1; testId?: string }) {
  const { starred, busyId, toggle } = useFavourites();
  const on = starred.has(role.id);
  return (
    <button
      type="button"
      className={`btn btn-ghost btn-sm star${on ? ' star-on' : ''}`}
      data-testid={testId ?? `star-${roleSlug(role)}`}
      aria-pressed={on}
      aria-busy={busyId === role.id}
      tabIndex={tabIndex}
      title={on ? 'Remove from favourites' : 'Add to favourites'}
      onClick={() => toggle(role)}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span>
      <span className="visually-hidden">Favourite {role.roleName} in {role.accountAlias}</span>
    </button>
  );
}

interface QuickRolesProps {
  roles: readonly RoleView[];
  loadingId: string | null;
  onKeys: (role: RoleView) => void;
}

/**
 * Favourites, then recently used roles, above the full list. Nothing when both are empty. Memoised: a
 * filter keystroke does not touch it.
 */
export const QuickRoles = memo(function QuickRoles({ roles, loadingId, onKeys }: QuickRolesProps) {
  const { quick, error } = useFavourites();
  const byId = useMemo(() => new Map(roles.map((r) => [r.id, r] as const)), [roles]);
  const pick = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  const favourites = pick(quick.favourites);
  const recent = pick(quick.recent);
  if (favourites.length === 0 && recent.length === 0 && !error) return null;
  const list = { loadingId, onKeys };
  return (
    <div className="quick-roles">
      {error && <ErrorAlert error={error} testId="favourite-error" />}
      {favourites.length > 0 && <QuickList title="Favourites" testId="favourites" roles={favourites} {...list} />}
      {recent.length > 0 && <QuickList title="Recent" testId="recent" roles={recent} {...list} />}
    </div>
  );
});

function QuickList({ title, testId, roles, loadingId, onKeys }: { title: string; testId: string; roles: RoleView[] } & Omit<QuickRolesProps, 'roles'>) {
  return (
    <section className="card quick-card" aria-labelledby={`quick-${testId}`} data-testid={testId}>
      <h2 id={`quick-${testId}`} className="quick-title">{title}</h2>
      <ul className="quick-list">
        {roles.map((role) => {
          const slug = roleSlug(role);
          return (
            <li key={role.id} className="quick-item" data-testid={`quick-${slug}`} style={role.accountColour ? { borderLeftColor: role.accountColour } : undefined}>
              <StarToggle role={role} testId={`quick-star-${slug}`} />
              <span className="quick-name">{role.roleName}</span>
              <span className="chip">{role.accountAlias}</span>
              <form method="post" action="/api/aws/console" target="_blank" className="quick-console">
                <input type="hidden" name="roleId" value={role.id} />
                <button type="submit" className="btn btn-sm" data-testid={`quick-console-${slug}`}>
                  Console<span className="visually-hidden"> for {role.roleName} in {role.accountAlias} ({title})</span>
                </button>
              </form>
              <button type="button" className="btn btn-sm btn-keys" data-testid={`quick-keys-${slug}`} aria-busy={loadingId === role.id} onClick={() => onKeys(role)}>
                Keys<span className="visually-hidden"> for {role.roleName} in {role.accountAlias} ({title})</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
