import { AUDIT_OUTCOMES, AUDIT_TYPES } from '@/lib/db/repos/audit-types';

export interface AuditFiltersProps {
  values: Record<string, string>;
  idps: { id: string; name: string }[];
}

/** A select whose empty choice means "no filter". */
function Choice({ label, name, value, options }: { label: string; name: string; value?: string; options: [string, string][] }) {
  return (
    <label>
      {label}
      <select className="input" name={name} defaultValue={value ?? ''} data-testid={`audit-${name}`}>
        <option value="">any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </label>
  );
}

/** The ledger's search: a plain GET form, so a search is a link an admin can share. */
export function AuditFilters({ values, idps }: AuditFiltersProps) {
  return (
    <form className="audit-filters" method="get" action="/admin/audit" data-testid="audit-filters">
      <label>
        Search
        <input className="input" name="q" defaultValue={values.q} minLength={3} placeholder="email, role ARN, session, request id, code, IP (3+ characters)" data-testid="audit-q" />
      </label>
      <Choice label="Type" name="type" value={values.type} options={AUDIT_TYPES.map((t) => [t, t])} />
      <Choice label="Outcome" name="outcome" value={values.outcome} options={AUDIT_OUTCOMES.map((o) => [o, o])} />
      <Choice label="Identity provider" name="idp" value={values.idp} options={idps.map((i) => [i.id, i.name])} />
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
