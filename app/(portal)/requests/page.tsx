import { redirect } from 'next/navigation';
import { AppShell } from '@/app/components/app-shell';
import { heldRoles } from '@/lib/core/issuance/held-roles';
import { isAdmin } from '@/lib/core/policy/admin';
import { countApprovals } from '@/lib/core/policy/grant-rules';
import { effectiveWindow, remainingText, type Grant } from '@/lib/core/policy/grants';
import { getContainer, type Container } from '@/lib/server/container';
import { currentSession } from '@/lib/server/session';
import { RequestForm } from './request-form';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Request access' };

export const dynamic = 'force-dynamic';

const when = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 16)}Z`;

function state(g: Grant, now: Date): string {
  if (g.status === 'pending') return `waiting for approval (${countApprovals(g)} of ${g.requiredApprovals})`;
  const w = effectiveWindow(g);
  if (g.status === 'active' && w && w.endsAt > now) return `approved · ${remainingText(w.endsAt, now)}`;
  if (g.status === 'active') return 'ended';
  return g.status;
}

function RequestsTable({ c, requests }: { c: Container; requests: Grant[] }) {
  const now = c.now();
  const label = (id: string) => {
    const r = c.config.roles.get(id);
    return r ? `${r.accountAlias}/${r.roleName}` : id;
  };
  return (
    <table className="audit-table" data-testid="my-requests">
      <thead><tr><th>Role</th><th>Asked</th><th>For</th><th>Reason</th><th>State</th></tr></thead>
      <tbody>
        {requests.map((g) => (
          <tr key={g.id} data-testid="my-request" data-status={g.status}>
            <td>{label(g.roleId)}</td>
            <td className="mono">{when(g.requestedAt)}</td>
            <td>{Math.round((g.durationSeconds / 3600) * 100) / 100} h</td>
            <td>{g.reason}</td>
            <td data-testid="my-request-state">{state(g, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Access requests: ask for a role you do not hold, for a while; see what became of your requests. */
export default async function RequestsPage() {
  const c = await getContainer();
  const session = await currentSession();
  if (!session) redirect('/signin?callbackUrl=%2Frequests');
  const held = new Set((await heldRoles(c.issuance, session.claims, session.user.id)).map((h) => h.role.id));
  const requestable = [...c.config.roles.values()].filter((r) => r.requestable && !held.has(r.id)).map((r) => ({ id: r.id, label: `${r.accountAlias}/${r.roleName} (${r.accountId})` }));
  const requests = await c.repos.roleGrants.requestsBy(session.user.id);
  const idpName = c.config.idps.find((i) => i.id === session.idpId)?.name ?? c.config.samlConnections.find((s) => s.id === session.idpId)?.name ?? session.idpId;
  const user = { email: session.user.email ?? undefined, name: session.user.name ?? undefined, idpName, admin: isAdmin(session.claims, c.config.admins) };
  return (
    <AppShell demo={c.env.demo} user={user}>
      <section className="admin">
        <h1>Request access</h1>
        <p className="muted">
          Ask for a role you do not hold, for a few hours. {c.config.grants.requestApprovals === 1 ? 'An administrator' : `${c.config.grants.requestApprovals} administrators`} other
          than you must approve; the time starts at the approval, and the role then shows on <a href="/roles">your roles</a>.
        </p>
        <section className="card account preview-card">
          <RequestForm roles={requestable} maxHours={c.config.grants.requestMaxHours} />
        </section>
        {requests.length > 0 && <section className="card preview-card"><RequestsTable c={c} requests={requests} /></section>}
      </section>
    </AppShell>
  );
}
