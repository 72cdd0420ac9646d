import { AdminShell } from '../admin-shell';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { getContainer } from '@/lib/server/container';
import { LockdownForm } from './lockdown-form';
import { PickAndPost } from './pick-and-post';
import { emailText } from '../email-label';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Revocation' };

export const dynamic = 'force-dynamic';

/** Cutting access off (issue 5 §5): revoke one user's Rolegate access, or lock down all issuance. */
export default async function RevocationPage() {
  const session = await requireAdminPage('/admin/revocation');
  const c = await getContainer();
  const [state, users] = await Promise.all([c.repos.settings.getLockdown(), c.repos.users.listRecent()]);
  const breakGlass = c.config.admins.breakGlassEmails;
  return (
    <AdminShell c={c} session={session}>
      <section className="admin">
        <h1>Revocation and lock-down</h1>
        <section className="card account" data-testid="revoke-user-card">
          <header className="account-header">
            <h2>Revoke a user</h2>
          </header>
          <div className="lockdown-body">
            <p className="muted">
              Ends the user&apos;s portal sessions and CLI logins at once: their next page load asks them to sign in again, and the CLI can no longer
              refresh. Their AWS credentials keep working until they expire unless you also revoke their AWS sessions.
            </p>
            <PickAndPost
              label="User"
              field="userId"
              testId="revoke-user"
              options={users.map((u) => ({ id: u.id, label: u.email ? `${emailText(u.email, u.emailVerified)} (${u.name ?? u.id})` : u.id }))}
              actions={[
                { url: '/api/admin/revocation/users', text: 'Revoke sessions and CLI logins', testId: 'revoke-user-submit', confirm: 'End every Rolegate session and CLI login of {item} now?', done: '{item}: sessions and CLI logins ended.' },
                { url: '/api/admin/revocation/user-aws-sessions', text: 'Revoke their AWS sessions', testId: 'revoke-user-aws', confirm: 'Deny, through IAM, every AWS session Rolegate issued {item} in the last 12 hours?', done: '{item}: AWS sessions denied (IAM may take a few minutes everywhere).' },
              ]}
            />
          </div>
        </section>
        <section className="card account" data-testid="revoke-role-card">
          <header className="account-header">
            <h2>Revoke a role&apos;s AWS sessions</h2>
          </header>
          <div className="lockdown-body">
            <p className="muted">
              Attaches IAM&apos;s <code>AWSRevokeOlderSessions</code> policy to the role: every session of the role issued before now — by Rolegate or
              anyone else — is denied everything, console included. New sessions work. Needs IAM keys for the account (ROLEGATE_IAM_KEYS).
            </p>
            <PickAndPost
              label="Role"
              field="roleId"
              testId="revoke-role"
              options={[...c.config.roles.values()].map((r) => ({ id: r.id, label: `${r.accountAlias}/${r.roleName} (${r.arn})` }))}
              actions={[{ url: '/api/admin/revocation/roles', text: 'Revoke older sessions', testId: 'revoke-role-submit', confirm: 'Deny every existing session of {item}?', done: '{item}: sessions issued before now are denied.' }]}
            />
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
              ({breakGlass.length ? breakGlass.map((p) => `${p.email} (${p.idp})`).join(', ') : 'none configured: admins.breakGlassEmails'}). Sessions already issued keep working until they
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
    </AdminShell>
  );
}
