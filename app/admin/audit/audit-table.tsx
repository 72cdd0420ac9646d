import type { AuditEventRecord } from '@/lib/db/repos/audit-types';
import { EmailLabel } from '../email-label';

const when = (d: Date) => d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? undefined : JSON.stringify(v));

function Facts({ e }: { e: AuditEventRecord }) {
  const facts: [string, string | undefined][] = [
    ['Session name', e.sessionName],
    ['SourceIdentity', str(e.detail?.sourceIdentity)],
    ['STS request id', e.requestId],
    ['Expires', e.expiresAt ? when(e.expiresAt) : undefined],
    ['Channel', str(e.detail?.channel)],
    ['Action', str(e.detail?.action)],
    ['Target', str(e.detail?.target)],
    // Failed sign-ins are counted per address, code and minute (lib/db/repos/signin-failures.ts).
    ['Attempts', typeof e.detail?.count === 'number' && e.type === 'signin' ? `${e.detail.count} in this minute${e.detail.overflow === true ? ' (many addresses)' : ''}` : undefined],
  ];
  return (
    <dl className="audit-facts">
      {facts.filter(([, v]) => v).map(([k, v]) => (
        <div key={k}><dt>{k}</dt><dd className="mono">{v}</dd></div>
      ))}
    </dl>
  );
}

/** A config revision the start took from the file: no person, no address; the file is the actor. */
const fromConfigFile = (e: AuditEventRecord) => e.type === 'admin' && e.detail?.source === 'file';

function Who({ e }: { e: AuditEventRecord }) {
  if (fromConfigFile(e)) return <><div>config file</div><div className="muted mono">{str(e.detail?.file)}</div></>;
  return <><div>{e.email ? <EmailLabel email={e.email} verified={e.emailVerified} /> : (e.userId ?? '—')}</div>{e.idpId && <div className="muted">via {e.idpId}</div>}</>;
}

function From({ e }: { e: AuditEventRecord }) {
  if (fromConfigFile(e)) return <div className="muted">the start of an instance</div>;
  return <><div className="mono">{e.ip ?? 'unknown IP'}</div>{e.userAgent && <div className="muted audit-ua" title={e.userAgent}>{e.userAgent}</div>}</>;
}

/** One row per event; the detail (admin before/after, grant ids, reasons) folds open. */
export function AuditTable({ events }: { events: AuditEventRecord[] }) {
  if (events.length === 0) return <p className="trace-empty muted" data-testid="audit-empty">No audit events match this search.</p>;
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr><th>When (UTC)</th><th>Event</th><th>Who</th><th>Role</th><th>From</th><th>Details</th></tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-testid="audit-row" data-id={e.id} data-type={e.type} data-outcome={e.outcome}>
            <td className="mono nowrap">{when(e.at)}</td>
            <td>
              <span className={`chip ${e.outcome === 'ok' ? 'chip-ok' : 'chip-bad'}`}>{e.type} · {e.outcome}</span>
              {e.code && <div className="mono audit-code">{e.code}</div>}
            </td>
            <td data-testid="audit-who"><Who e={e} /></td>
            <td className="mono audit-arn">{e.roleArn ?? '—'}</td>
            <td data-testid="audit-from"><From e={e} /></td>
            <td>
              <Facts e={e} />
              {e.detail && (
                <details>
                  <summary>detail</summary>
                  <pre className="audit-detail">{JSON.stringify(e.detail, null, 2)}</pre>
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
