'use client';

import { useMemo, useState } from 'react';
import { visibleRoles, type RoleOption } from '@/lib/core/admin/role-choices';
import { RoleFilter } from './role-filter';

/**
 * The roles a rule grants, as checkboxes named `roles`, listed as role-choices.ts says: the chosen ones
 * always, the others by filter. A box checked or unchecked stays where it is until the filter changes
 * (then every chosen role is pinned to the top), so nothing jumps under the pointer and every chosen role
 * is always in the form.
 */
export function RoleChecklist({ roles, initial }: { roles: RoleOption[]; initial: readonly string[] }) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(initial));
  const [filter, setFilter] = useState('');
  // Listed first: the roles checked when the page (or the filter) last changed.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(() => new Set(initial));
  const { listed, more } = useMemo(() => visibleRoles(roles, pinned, filter), [roles, pinned, filter]);
  const toggle = (id: string, on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <fieldset className="edit-grid" data-testid="rule-roles">
      <legend>Roles ({checked.size} chosen of {roles.length})</legend>
      <RoleFilter
        className="role-filter"
        value={filter}
        testId="rule-role-filter"
        onChange={(value) => {
          setFilter(value);
          setPinned(checked);
        }}
      />
      {listed.map((r) => (
        <label key={r.id} className="check">
          <input type="checkbox" name="roles" value={r.id} checked={checked.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} data-testid={`rule-role-${r.id}`} /> {r.label}
        </label>
      ))}
      {more > 0 && (
        <p className="muted role-more" data-testid="rule-roles-more">
          {more.toLocaleString('en')} more {more === 1 ? 'role matches' : 'roles match'}: narrow the filter to see them.
        </p>
      )}
    </fieldset>
  );
}
