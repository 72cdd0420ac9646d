import { AdminShell } from '../admin-shell';
import { isGatewayError, publicView } from '@/lib/core/errors';
import { auditPage, type AuditPage } from '@/lib/server/admin/audit-ledger';
import { cursorParam, parseAuditSearch, type AuditSearch } from '@/lib/server/admin/audit-search';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { getContainer } from '@/lib/server/container';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Audit ledger' };

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;

/** The audit ledger: search, page through and export every recorded event. Read-only by construction. */
export default async function AuditPageView({ searchParams }: { searchParams: Promise<Params> }) {
  const session = await requireAdminPage('/admin/audit');
  const c = await getContainer();
  const raw = await searchParams;
  let search: AuditSearch | undefined;
  let problem: string | undefined;
  try {
    search = parseAuditSearch(raw);
  } catch (err) {
    if (!isGatewayError(err)) throw err;
    problem = publicView(err).detail ?? publicView(err).message;
  }
  const page: AuditPage = search ? await auditPage({ c }, search) : { events: [] };
  const values = Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  const query = search?.params.toString() ?? '';
  const idps = [...c.config.idps.map((i) => ({ id: i.id, name: i.name })), ...c.config.samlConnections.map((s) => ({ id: s.id, name: s.name }))];
  return (
    <AdminShell c={c} session={session}>
      <section className="admin">
        <h1>Audit ledger</h1>
        <p className="muted">
          Every sign-in, issuance, console link, denial, grant decision and admin change, newest first. Append-only: nothing here can be edited; rows older
          than {c.config.audit.retentionDays} days are removed by the retention sweep.
        </p>
        <AuditFilters values={values} idps={idps} />
        {problem && <p className="alert" role="alert" data-testid="audit-problem">{problem}</p>}
        <div className="audit-toolbar">
          <span className="muted" data-testid="audit-count">{page.next ? `${page.events.length} events on this page; older ones follow` : `${page.events.length} ${page.events.length === 1 ? 'event' : 'events'}`}</span>
          <a className="btn" href={`/api/admin/audit/export?format=csv&${query}`} data-testid="audit-export-csv" download>Export CSV</a>
          <a className="btn" href={`/api/admin/audit/export?format=json&${query}`} data-testid="audit-export-json" download>Export JSON</a>
        </div>
        <section className="card">
          <AuditTable events={page.events} />
        </section>
        {page.next && (
          <p className="audit-pager">
            <a className="btn" href={`/admin/audit?${query}${query ? '&' : ''}cursor=${encodeURIComponent(cursorParam(page.next))}`} data-testid="audit-older">Older events →</a>
          </p>
        )}
      </section>
    </AdminShell>
  );
}
