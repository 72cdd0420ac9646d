import { AppShell } from '@/app/components/app-shell';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { getContainer } from '@/lib/server/container';
import { LockdownForm } from './lockdown-form';
import { RevokeUserForm } from './revoke-user-form';

export const dynamic = 'force-dynamic';

/** Cutting access off (issue 5 §5): revoke one user's Rolegate access, or lock down all issuance. */
export default async function RevocationPage() {
  const session = await requireAdminPage('/admin/revocation');
  const c = await getContainer();
  const [state, users] = await Promise.all([c.repos.settings.getLockdown(), c.repos.users.listRecent()]);
  const idpName = c.config.idps.find((i) => i.id === session.idpId)?.name ?? c.config.samlConnections.find((s) => s.id === session.idpId)?.name ?? session.idpId;
  const breakGlass = c.config.admins.breakGlassEmails;
  return (
    <AppShell demo={c.env.demo} user={{ email: session.user.email ?? undefined, name: session.user.name ?? undefined, idpName, admin: true }}>
      <section className="admin">
        <h1>Revocation and lock-down</h1>
        <section className="card account" data-testid="revoke-user-card">
          <header className="account-header">
            <h2>Revoke a user</h2>
          </header>
          <div className="lockdown-body">
            <p className="muted">
              Ends the user&apos;s portal sessions and CLI logins at once: their next page load asks them to sign in again, and the CLI can no longer
              refresh. AWS credentials already issued keep working until they expire.
            </p>
            <RevokeUserForm users={users.map((u) => ({ id: u.id, label: u.email ? `${u.email} (${u.name ?? u.id})` : u.id }))} />
          </div>
        </section>
        <section className="card account" data-testid="lockdown-card">
          <header className="account-header">
            <h2>Lock-down</h2>
            <span className={`chip ${state.enabled ? 'chip-bad' : 'chip-ok'}`} data-testid="lockdown-state">{state.enabled ? 'ON' : 'off'}</span>
          </header>
          <div className="lockdown-body">
            <p className="muted">
              While on, Rolegate issues no keys, console links or CLI credentials to anyone except the break-glass admins
              ({breakGlass.length ? breakGlass.join(', ') : 'none configured: admins.breakGlassEmails'}). Sessions already issued keep working until they
              expire. Every refused request is in the audit ledger.
            </p>
            {state.enabled && (
              <p data-testid="lockdown-since">
                On since {state.since?.toISOString() ?? 'unknown'}: {state.reason ?? 'no reason given'}
              </p>
            )}
            <LockdownForm enabled={state.enabled} />
          </div>
        </section>
      </section>
    </AppShell>
  );
}
