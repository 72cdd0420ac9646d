import { AdminShell } from '../admin-shell';
import type { RoleDef } from '@/lib/core/types';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { getContainer } from '@/lib/server/container';
import { ConfigPreviewForm } from './config-preview-form';

export const dynamic = 'force-dynamic';

const hours = (s: number) => `${Math.round((s / 3600) * 10) / 10} h`;

function Policies({ role }: { role: RoleDef }) {
  if (role.sessionPolicy) return <pre className="audit-detail" data-testid="session-policy">{JSON.stringify(JSON.parse(role.sessionPolicy), null, 2)}</pre>;
  if (role.managedPolicyArns.length) return <div className="mono">{role.managedPolicyArns.join(', ')}</div>;
  return <span className="muted">none</span>;
}

/** AWS accounts and the roles Rolegate vends in them, as configured. */
export default async function AccountsPage() {
  const session = await requireAdminPage('/admin/accounts');
  const c = await getContainer();
  const byAccount = new Map<string, RoleDef[]>();
  for (const role of c.config.roles.values()) byAccount.set(role.accountId, [...(byAccount.get(role.accountId) ?? []), role]);
  return (
    <AdminShell c={c} session={session}>
      <section className="admin">
        <h1>Accounts and roles</h1>
        <p className="muted">Edited in the config file (see the README). Session policies and managed policy ARNs scope down every session of the role.</p>
        <section className="card account preview-card">
          <header className="account-header"><h2>Config as code</h2></header>
          <p className="lockdown-body">
            <a className="btn" href="/api/admin/config/export" download data-testid="config-export">Export the whole config as YAML</a>
          </p>
          <ConfigPreviewForm />
        </section>
        {[...byAccount.entries()].map(([accountId, roles]) => {
          const first = roles[0];
          return (
            <section key={accountId} className="card account preview-card" data-testid={`account-${accountId}`} style={first?.accountColour ? { borderLeft: `5px solid ${first.accountColour}` } : undefined}>
              <header className="account-header">
                <h2>{first?.accountAlias}</h2>
                <span className="mono muted">{accountId} · {first?.partition}</span>
              </header>
              <table className="audit-table">
                <thead><tr><th>Role</th><th>Delivery</th><th>Region</th><th>Max session</th><th>Session tags</th><th>Session policy</th></tr></thead>
                <tbody>
                  {roles.map((r) => (
                    <tr key={r.id} data-testid={`role-${r.id}`}>
                      <td><strong>{r.roleName}</strong><div className="mono muted audit-arn">{r.arn}</div></td>
                      <td>{r.delivery}</td>
                      <td>{r.region}</td>
                      <td>{hours(r.maxSessionDurationSeconds)}</td>
                      <td className="mono">{Object.entries(r.sessionTags).map(([k, v]) => `${k} ← ${v}`).join(', ') || '—'}</td>
                      <td><Policies role={r} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </section>
    </AdminShell>
  );
}
