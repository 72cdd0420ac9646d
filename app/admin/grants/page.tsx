import { AdminShell } from '../admin-shell';
import { isAdmin } from '@/lib/core/policy/admin';
import { grantPhase } from '@/lib/core/policy/grants';
import { getContainer } from '@/lib/server/container';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { GrantForm } from './grant-form';
import { GrantList } from './grant-list';
import { emailText } from '../email-label';
import { verifiedEmailOf } from '@/lib/core/aws/session-name';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Grants' };

export const dynamic = 'force-dynamic';

/** Time-limited grants: request one, decide on pending ones, see active ones with their time left, revoke. */
export default async function GrantsPage() {
  const c = await getContainer();
  const session = await requireAdminPage('/admin/grants');
  const now = c.now();
  const [grants, users] = await Promise.all([c.repos.roleGrants.listGrants(), c.repos.users.listRecent()]);
  const emails = new Map(users.map((u) => [u.id, u.email ? emailText(u.email, u.emailVerified) : u.id] as const));
  const roleLabel = (id: string) => {
    const r = c.config.roles.get(id);
    return r ? `${r.accountAlias}/${r.roleName}` : `${id} (no longer configured)`;
  };
  const { claims } = session;
  const actor = { userId: session.user.id, email: verifiedEmailOf(claims)?.toLowerCase(), isAdmin: isAdmin(claims, c.config.admins) };
  const common = { actor, now, userLabel: (id: string) => emails.get(id) ?? id, roleLabel };
  const byPhase = (...phases: string[]) => grants.filter((g) => phases.includes(grantPhase(g, now)));
  return (
    <AdminShell c={c} session={session}>
      <section className="admin">
        <h1>Time-limited grants</h1>
        <p className="muted grants-intro">
          A grant gives one person a role for a bounded time, with a reason. With approvals, the time counts from the last approval. Approvers are other
          admins — never the requester or the grantee; each counts once, and one rejection rejects. Revoking stops new keys at once.
        </p>
        <section className="card account" data-testid="grants-new">
          <header className="account-header"><h2>New grant</h2></header>
          <GrantForm
            roles={[...c.config.roles.values()].map((r) => ({ id: r.id, label: `${r.accountAlias}/${r.roleName} (${r.accountId})` }))}
            users={users.filter((u) => u.id !== session.user.id).map((u) => ({ id: u.id, label: `${u.email ? emailText(u.email, u.emailVerified) : u.subject} · ${new URL(u.issuer).host}` }))}
            idps={[...c.config.idps, ...c.config.samlConnections].map((i) => ({ id: i.id, label: i.name }))}
            maxDays={c.config.grants.maxDays}
          />
        </section>
        <section className="card account" data-testid="grants-pending">
          <header className="account-header"><h2>Waiting for approval</h2></header>
          <GrantList grants={byPhase('pending')} empty="No grants wait for approval." {...common} />
        </section>
        <section className="card account" data-testid="grants-active">
          <header className="account-header"><h2>Active and scheduled</h2></header>
          <GrantList grants={byPhase('active', 'scheduled')} empty="No active grants." {...common} />
        </section>
        <section className="card account" data-testid="grants-ended">
          <header className="account-header"><h2>Ended</h2></header>
          <GrantList grants={byPhase('expired', 'revoked', 'rejected')} empty="No ended grants." {...common} />
        </section>
      </section>
    </AdminShell>
  );
}
