import { AdminShell } from '../admin-shell';
import { RESTART_ONLY_SETTINGS } from '@/lib/core/config/restart-only';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { getContainer } from '@/lib/server/container';
import { ConfigImportForm } from './config-import-form';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Config' };

export const dynamic = 'force-dynamic';

const when = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 19)}Z`;
const lines = (changes: unknown): string[] => (Array.isArray(changes) ? changes.map((c: { kind?: string; section?: string; id?: string }) => `${c.kind} ${c.section}/${c.id}`) : []);

/** Config as code: export, import with a dry run, and the history of revisions (file, imports, page edits). */
export default async function ConfigPage() {
  const session = await requireAdminPage('/admin/config');
  const c = await getContainer();
  const history = await c.repos.configRevisions.list(30);
  return (
    <AdminShell c={c} session={session}>
      <section className="admin">
        <h1>Config as code</h1>
        <p className="muted">
          One config, kept as revisions: the config file at start (a changed file becomes a new revision), imports below and
          edits on the Connections, Accounts and Rules pages. The live revision is <strong data-testid="config-revision">{c.configRevision}</strong>.
          Secrets are never part of it. {RESTART_ONLY_SETTINGS.join(', ')} change only through the file and a restart.
        </p>
        <section className="card account preview-card">
          <header className="account-header"><h2>Export and import</h2></header>
          <p className="lockdown-body">
            <a className="btn" href="/api/admin/config/export" download data-testid="config-export">Export the live config as YAML</a>
          </p>
          <ConfigImportForm />
        </section>
        <section className="card preview-card">
          <table className="audit-table" data-testid="config-history">
            <thead><tr><th>Revision</th><th>When</th><th>Source</th><th>By</th><th>Changes</th></tr></thead>
            <tbody>
              {history.map((r) => (
                <tr key={r.revision} data-testid="config-history-row">
                  <td className="mono">{r.revision}</td>
                  <td className="mono">{when(r.createdAt)}</td>
                  <td>{r.source}</td>
                  <td className="mono">{r.createdBy ?? '—'}</td>
                  <td className="mono">{lines(r.changes).join('; ') || (r.revision === 1 ? 'first start' : 'none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </AdminShell>
  );
}
