import type { RuleConfig } from '@/lib/core/config/schema';

const list = (xs: readonly string[] | undefined) => (xs && xs.length ? xs.join(', ') : '—');

/** The configured mapping rules: what each matches, and the roles it grants. */
export function RulesTable({ rules, roleLabel }: { rules: readonly RuleConfig[]; roleLabel: (id: string) => string }) {
  return (
    <table className="audit-table" data-testid="rules-table">
      <thead>
        <tr><th>Rule</th><th>IdPs</th><th>Groups</th><th>Emails</th><th>Domains</th><th>Roles</th></tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.id} data-testid={`rule-${r.id}`}>
            <td className="mono">{r.id}</td>
            <td>{r.idps ? r.idps.join(', ') : 'any'}</td>
            <td className="mono">{list(r.groups)}</td>
            <td className="mono">{list(r.emails)}</td>
            <td className="mono">{list(r.emailDomains)}</td>
            <td>{r.roles.map(roleLabel).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
