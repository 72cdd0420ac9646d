'use client';

import { useMemo, useState } from 'react';
import { visibleRoles, type RoleOption } from '@/lib/core/admin/role-choices';
import { RoleFilter } from './role-filter';

/**
 * One role, chosen from a big catalogue: a filter and a select of the chosen role plus the first matches
 * (role-choices.ts), instead of a select of every role (2,000 options were a fifth of /admin/rules).
 */
export function RoleSelect({ name, roles, initial, testId }: { name: string; roles: RoleOption[]; initial: string; testId: string }) {
  const [value, setValue] = useState(initial);
  const [filter, setFilter] = useState('');
  const { listed, more } = useMemo(() => visibleRoles(roles, new Set(value ? [value] : []), filter), [roles, value, filter]);
  return (
    <>
      <RoleFilter value={filter} onChange={setFilter} testId={`${testId}-filter`} />
      <label>
        Role{more > 0 ? ` (${listed.length} shown, ${more.toLocaleString('en')} more match)` : ''}
        <select className="input" name={name} value={value} onChange={(e) => setValue(e.target.value)} data-testid={testId}>
          <option value="">—</option>
          {listed.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label} ({r.id.split('/')[0]})
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
