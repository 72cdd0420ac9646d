import type { HeldRole } from '@/lib/core/issuance/held-roles';

/** Roles with the rule (or grant) behind each. */
export function HeldList({ roles }: { roles: HeldRole[] }) {
  if (roles.length === 0) return <p className="muted" data-testid="preview-none">No roles: nothing matches (deny by default).</p>;
  return (
    <ul className="preview-list" data-testid="preview-roles">
      {roles.map((h) => (
        <li key={h.role.id} data-testid={`preview-role-${h.role.id}`}>
          <strong>{h.role.accountAlias}/{h.role.roleName}</strong> <span className="mono muted">{h.role.arn}</span>
          <ul>
            {h.grantedBy.map((g) => (
              <li key={g.ruleId} className="mono">{g.ruleId}: {g.reason}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
