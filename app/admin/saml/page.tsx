import { AdminShell } from '../admin-shell';
import { getContainer } from '@/lib/server/container';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { TraceList } from './trace-list';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'SAML diagnostics' };

export const dynamic = 'force-dynamic';

/** SAML diagnostics: the last sign-ins of each connection — checks, attributes, matched rules (no raw XML). */
export default async function SamlDiagnosticsPage() {
  const c = await getContainer();
  const session = await requireAdminPage('/admin/saml');
  const connections = await Promise.all(
    c.config.samlConnections.map(async (conn) => ({ id: conn.id, name: conn.name, traces: await c.repos.samlTraces.listSamlTraces(conn.id, 20) })),
  );
  return (
    <AdminShell c={c} session={session}>
      <section className="admin">
        <h1>SAML sign-in diagnostics</h1>
        <p className="muted">The last sign-ins of each SAML connection: which checks ran, what arrived and which rules matched. Raw responses are never stored.</p>
        {connections.map((conn) => (
          <section key={conn.id} className="card account" data-testid={`traces-${conn.id}`}>
            <header className="account-header">
              <h2>{conn.name}</h2>
              <span className="mono muted">{conn.id}</span>
            </header>
            <TraceList traces={conn.traces} />
          </section>
        ))}
      </section>
    </AdminShell>
  );
}
