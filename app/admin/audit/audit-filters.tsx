import { AUDIT_OUTCOMES, AUDIT_TYPES } from '@/lib/db/repos/audit-types';

export interface AuditFiltersProps {
  values: Record<string, string>;
  idps: { id: string; name: string }[];
}

/** The ledger's search: a plain GET form, so a search is a link an admin can share. */
export function AuditFilters({ values, idps }: AuditFiltersProps) {
  return (
    <form className="audit-filters" method="get" action="/admin/audit" data-testid="audit-filters">
      <label>
        Search
        <input className="input" name="q" defaultValue={values.q} placeholder="email, role ARN, session, request id, code, IP" data-testid="audit-q" />
      </label>
      <label>
        Type
        <select className="input" name="type" defaultValue={values.type ?? ''} data-testid="audit-type">
          <option value="">any</option>
          {AUDIT_TYPES.map((t) => <option key={t}>{t}</option>)}
        </select>
      </label>
      <label>
        Outcome
        <select className="input" name="outcome" defaultValue={values.outcome ?? ''} data-testid="audit-outcome">
          <option value="">any</option>
          {AUDIT_OUTCOMES.map((o) => <option key={o}>{o}</option>)}
        </select>
      </label>
      <label>
        Identity provider
        <select className="input" name="idp" defaultValue={values.idp ?? ''} data-testid="audit-idp">
          <option value="">any</option>
          {idps.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
        </select>
      </label>
      <label>
        Role ARN
        <input className="input" name="role" defaultValue={values.role} placeholder="arn:aws:iam::…:role/…" data-testid="audit-role" />
      </label>
      <label>
        From (UTC)
        <input className="input" type="date" name="from" defaultValue={values.from} data-testid="audit-from" />
      </label>
      <label>
        To (UTC, inclusive)
        <input className="input" type="date" name="to" defaultValue={values.to} data-testid="audit-to" />
      </label>
      <div className="audit-filter-actions">
        <button className="btn btn-primary" type="submit" data-testid="audit-search">Search</button>
        <a className="btn" href="/admin/audit">Clear</a>
      </div>
    </form>
  );
}
