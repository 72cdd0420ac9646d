import type { RuleConfig } from '@/lib/core/config/schema';
import { ConfigEditButton } from '../config-edit';

const list = (xs: readonly string[] | undefined) => (xs && xs.length ? xs.join(', ') : '—');

/** The configured mapping rules: what each matches, the roles it grants, and switches to change them. */
export function RulesTable({ rules, roleLabel, revision, editHref }: { rules: readonly RuleConfig[]; roleLabel: (id: string) => string; revision: number; editHref: (ruleId: string) => string }) {
  return (
    <table className="audit-table" data-testid="rules-table">
      <thead>
        <tr><th>Rule</th><th>IdPs</th><th>Groups</th><th>Emails</th><th>Domains</th><th>Roles</th><th>Change</th></tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.id} data-testid={`rule-${r.id}`} data-disabled={r.disabled} className={r.disabled ? 'row-off' : undefined}>
            <td className="mono">{r.id}{r.disabled && <div><span className="chip chip-bad">disabled</span></div>}</td>
            <td>{r.idps ? r.idps.join(', ') : 'any'}</td>
            <td className="mono">{list(r.groups)}</td>
            <td className="mono">{list(r.emails)}</td>
            <td className="mono">{list(r.emailDomains)}</td>
            <td>{r.roles.map(roleLabel).join(', ')}</td>
            <td>
              <a className="btn btn-small" href={editHref(r.id)} data-testid={`rule-edit-${r.id}`}>Edit</a>{' '}
              <ConfigEditButton basedOn={revision} edit={{ op: 'setDisabled', section: 'rules', id: r.id, disabled: !r.disabled }} label={r.disabled ? 'Enable' : 'Disable'} testId={`rule-toggle-${r.id}`} />
              <ConfigEditButton basedOn={revision} edit={{ op: 'deleteRule', id: r.id }} label="Delete" danger confirmText={`Delete rule ${r.id}?`} testId={`rule-delete-${r.id}`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
