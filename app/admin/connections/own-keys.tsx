import type { OwnKeyStatus } from '@/lib/server/saml/own-keys-status';

const day = (d: Date) => d.toISOString().slice(0, 10);
const LABEL = { 'aws-idp-signing': 'AWS IdP signing', 'sp-signing': 'SP signing', 'sp-encryption': 'SP encryption' } as const;

/**
 * Rolegate's own SAML certificates: each rotates by itself, but the other side (IAM, the upstream IdP)
 * verifies or encrypts with the copy of the metadata it holds, so admins are warned 30 days ahead.
 */
export function OwnKeys({ keys }: { keys: OwnKeyStatus[] }) {
  if (keys.length === 0) return null;
  const attention = keys.filter((k) => k.expiry !== 'ok');
  return (
    <section className="card preview-card" data-testid="own-keys">
      <h2>Rolegate&apos;s own certificates</h2>
      {attention.length > 0 && (
        <p className="alert" role="alert" data-testid="own-keys-warning">
          {attention.length} certificate{attention.length > 1 ? 's' : ''} of Rolegate expire{attention.length > 1 ? '' : 's'} within 30 days. Each is
          replaced automatically; make sure the metadata named below holds the successor before it takes over.
        </p>
      )}
      <table className="audit-table">
        <thead><tr><th>Key</th><th>Active certificate</th><th>Successor (in the metadata)</th><th>Must be in</th></tr></thead>
        <tbody>
          {keys.map((k) => (
            <tr key={`${k.purpose}-${k.connectionId ?? ''}`} data-testid={`own-key-${k.purpose}${k.connectionId ? `-${k.connectionId}` : ''}`} data-expiry={k.expiry}>
              <td>{LABEL[k.purpose]}{k.connectionId && <div className="mono muted">{k.connectionId}</div>}</td>
              <td>
                <span className={`chip ${k.expiry === 'ok' ? 'chip-ok' : 'chip-bad'}`}>
                  {k.active ? `until ${day(k.active.notAfter)}` : 'none usable'} · {k.expiry === 'ok' ? 'valid' : k.expiry === 'soon' ? 'expires within 30 days' : 'EXPIRED'}
                </span>
              </td>
              <td>{k.successor ? `published ${day(k.successor.publishedAt)}, takes over ${day(k.successor.takesOverAt)}` : '— (made at the next rotation)'}</td>
              <td className="muted">{k.heldBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
