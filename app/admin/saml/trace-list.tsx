import type { SamlTraceRecord } from '@/lib/db/repos/saml-trace-record';

/** One row per sign-in: outcome, code, subject, why a failure failed; details fold out (checks in order, attributes, rules). */
export function TraceList({ traces }: { traces: readonly SamlTraceRecord[] }) {
  if (traces.length === 0) return <p className="muted trace-empty">No sign-ins yet.</p>;
  return (
    <ul className="role-list">
      {traces.map((t) => (
        <li key={t.id} className="trace" data-testid="trace">
          <details>
            <summary>
              <span className={`chip ${t.outcome === 'ok' ? 'chip-ok' : 'chip-bad'}`} data-testid="trace-outcome">{t.outcome}</span>{' '}
              <time dateTime={t.at.toISOString()}>{t.at.toISOString().replace('T', ' ').slice(0, 19)} UTC</time>{' '}
              {t.code && <code data-testid="trace-code">{t.code}</code>} {t.nameId && <span className="mono muted">{t.nameId}</span>}
            </summary>
            <ol className="trace-checks">
              {t.checks.map((c, i) => (
                <li key={i} className={c.ok ? 'ok' : 'bad'}>
                  {c.ok ? '✓' : '✗'} {c.check}
                  {c.detail && <span className="muted"> — {c.detail}</span>}
                </li>
              ))}
            </ol>
            {Object.keys(t.attributes).length > 0 && (
              <dl className="trace-attrs">
                {Object.entries(t.attributes).map(([name, values]) => (
                  <div key={name}>
                    <dt className="mono">{name}</dt>
                    <dd>{values.join(', ')}</dd>
                  </div>
                ))}
              </dl>
            )}
            <p className="muted">Matched rules: {t.matchedRules.length ? t.matchedRules.join(', ') : 'none'}</p>
          </details>
          {t.outcome === 'failed' && <FailedCheck checks={t.checks} />}
        </li>
      ))}
    </ul>
  );
}

/** The check a failed sign-in stopped at, unfolded: for a subject refusal it says what to configure. */
function FailedCheck({ checks }: { checks: SamlTraceRecord['checks'] }) {
  const failed = checks.findLast((c) => !c.ok);
  if (!failed?.detail) return null;
  return (
    <p className="trace-hint" data-testid="trace-hint">
      <strong>{failed.check}</strong>: {failed.detail}
    </p>
  );
}
