import { AdminShell } from '../admin-shell';
import { ConfigEditButton } from '../config-edit';
import { OidcIdpForm, type OidcIdpFields } from './oidc-idp-form';
import type { IdpConfig } from '@/lib/core/config/schema';
import { SamlConnectionForm } from './saml-connection-form';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { getContainer } from '@/lib/server/container';
import { samlConnectionStatus, type Expiry } from '@/lib/server/saml/connection-status';
import { ownKeysStatus } from '@/lib/server/saml/own-keys-status';
import { OwnKeys } from './own-keys';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Connections' };

export const dynamic = 'force-dynamic';

const day = (d: Date) => d.toISOString().slice(0, 10);
const EXPIRY_TEXT: Record<Expiry, string> = { ok: 'valid', soon: 'expires within 30 days', expired: 'EXPIRED' };

function ExpiryChip({ expiry, at, label }: { expiry: Expiry; at: Date; label: string }) {
  return (
    <span className={`chip ${expiry === 'ok' ? 'chip-ok' : 'chip-bad'}`} data-testid="expiry-chip" data-expiry={expiry}>
      {label} {day(at)} · {EXPIRY_TEXT[expiry]}
    </span>
  );
}

/** The identity providers Rolegate trusts: OIDC IdPs and SAML connections, with expiry warnings and a test sign-in. */
export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireAdminPage('/admin/connections');
  const c = await getContainer();
  const q = await searchParams;
  const editing = c.config.samlConnections.find((s) => s.id === q.edit);
  const editingIdp = c.config.idps.find((i) => i.id === q.idp);
  const saml = await Promise.all(c.config.samlConnections.map(async (conn) => ({ conn, status: await samlConnectionStatus(c, conn) })));
  const ownKeys = await ownKeysStatus(c);
  return (
    <AdminShell c={c} session={session}>
      <section className="admin">
        <h1>Connections</h1>
        <p className="muted">
          The identity providers users sign in with, what needs attention, and switches to turn them off: a disabled connection offers no
          sign-in, and sessions that came through it end. Changes are saved as a new config revision; client secrets entered here are
          stored sealed and never exported (a secret set in the environment wins).
        </p>
        <section className="card">
          <table className="audit-table" data-testid="oidc-idps">
            <thead><tr><th>OIDC IdP</th><th>Preset</th><th>Issuer</th><th>Client id</th><th>Secret</th><th>Test</th><th>Change</th></tr></thead>
            <tbody>
              {c.config.idps.length === 0 && <tr data-testid="oidc-idps-none"><td colSpan={7} className="muted">No OIDC IdP: people sign in through the SAML connections below.</td></tr>}
              {c.config.idps.map((i) => (
                <tr key={i.id} data-testid={`idp-${i.id}`} data-disabled={i.disabled} className={i.disabled ? 'row-off' : undefined}>
                  <td><strong>{i.name}</strong><div className="mono muted">{i.id}</div></td>
                  <td>{i.preset}</td>
                  <td className="mono audit-arn">{i.issuer}</td>
                  <td className="mono">{i.clientId}</td>
                  <td><span className={`chip ${c.secrets.source(i.id) === 'missing' ? 'chip-bad' : 'chip-ok'}`} data-testid={`secret-${i.id}`}>{c.secrets.source(i.id)}</span></td>
                  <td><a href="/signin" target="_blank" rel="noopener noreferrer">Sign-in page ↗</a></td>
                  <td>
                    <Toggle section="idps" id={i.id} name={i.name} disabled={i.disabled} revision={c.configRevision} own={session.idpId === i.id} />
                    <a className="btn btn-small" href={`/admin/connections?idp=${encodeURIComponent(i.id)}#oidc-form`} data-testid={`idp-edit-${i.id}`}>Edit</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card preview-card">
          <table className="audit-table" data-testid="saml-connections">
            <thead><tr><th>SAML connection</th><th>IdP entity id</th><th>Metadata</th><th>Signing certificates</th><th>Test</th><th>Change</th></tr></thead>
            <tbody>
              {saml.map(({ conn, status }) => (
                <tr key={conn.id} data-testid={`saml-${conn.id}`} data-disabled={conn.disabled} className={conn.disabled ? 'row-off' : undefined}>
                  <td>
                    <strong>{conn.name}</strong>
                    <div className="mono muted">{conn.id} · {conn.preset}</div>
                    {conn.allowIdpInitiated && <span className="chip">IdP-initiated allowed</span>}
                    <span className={`chip ${conn.emailsAuthoritative ? 'chip-ok' : ''}`} data-testid={`emails-${conn.id}`}>{conn.emailsAuthoritative ? 'emails verified' : 'emails unverified'}</span>
                    {conn.DANGEROUSLY_ALLOW_SHA1 && <span className="chip chip-bad">SHA-1 allowed</span>}
                  </td>
                  <td className="mono audit-arn">{status.entityId ?? '—'}</td>
                  <td>
                    {status.source === 'url' ? <span className="mono audit-arn">{conn.metadataUrl}</span> : 'pasted XML'}
                    {status.fetchedAt && <div className="muted">fetched {status.fetchedAt.toISOString().replace('T', ' ').slice(0, 19)}Z (refreshed hourly)</div>}
                    {status.validUntil && <div><ExpiryChip expiry={status.validUntil.expiry} at={status.validUntil.at} label="validUntil" /></div>}
                    {status.problem && <p className="alert" role="alert" data-testid="metadata-problem">{status.problem}</p>}
                  </td>
                  <td>
                    {status.certs.map((cert) => (
                      <div key={cert.subject + cert.notAfter.toISOString()}>
                        <ExpiryChip expiry={cert.expiry} at={cert.notAfter} label="until" />
                        <div className="mono muted audit-ua" title={cert.subject}>{cert.subject.replace(/\n/g, ', ')}</div>
                      </div>
                    ))}
                  </td>
                  <td><a href={`/saml/${conn.id}/login`} target="_blank" rel="noopener noreferrer" data-testid={`test-${conn.id}`}>Test sign-in ↗</a></td>
                  <td>
                    <Toggle section="samlConnections" id={conn.id} name={conn.name} disabled={conn.disabled} revision={c.configRevision} own={session.idpId === conn.id} />
                    <a className="btn btn-small" href={`/admin/connections?edit=${encodeURIComponent(conn.id)}#saml-form`} data-testid={`saml-edit-${conn.id}`}>Edit</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <OwnKeys keys={ownKeys} />
        <section className="card account preview-card" id="oidc-form">
          <header className="account-header"><h2>{editingIdp ? `Edit OIDC IdP ${editingIdp.id}` : 'Add an OIDC IdP'}</h2></header>
          <p className="muted">Register Rolegate at the IdP with the redirect URI <span className="mono">{c.config.publicUrl}/api/auth/callback/&lt;id&gt;</span>.</p>
          <OidcIdpForm basedOn={c.configRevision} idp={editingIdp && oidcFields(editingIdp)} secretFromEnv={Boolean(editingIdp && c.secrets.source(editingIdp.id) === 'environment')} />
        </section>
        <section className="card account preview-card" id="saml-form">
          <header className="account-header"><h2>{editing ? `Edit SAML connection ${editing.id}` : 'Add a SAML connection'}</h2></header>
          <p className="muted">Then give the IdP Rolegate&apos;s SP metadata: <span className="mono">{c.config.publicUrl}/saml/&lt;id&gt;/metadata</span>.</p>
          <SamlConnectionForm basedOn={c.configRevision} connection={editing} />
        </section>
      </section>
    </AdminShell>
  );
}

function oidcFields(i: IdpConfig): OidcIdpFields {
  return { id: i.id, name: i.name, preset: i.preset, issuer: i.issuer, clientId: i.clientId, groupsClaim: 'groupsClaim' in i ? i.groupsClaim : undefined, allowedDomains: i.preset === 'google' ? i.allowedDomains : undefined };
}

function Toggle({ section, id, name, disabled, revision, own }: { section: 'idps' | 'samlConnections'; id: string; name: string; disabled: boolean; revision: number; own: boolean }) {
  const warning = `Disable ${name}? Nobody can sign in through it, and everyone signed in through it loses access${own ? ' — including you' : ''}.`;
  return (
    <ConfigEditButton
      basedOn={revision}
      edit={{ op: 'setDisabled', section, id, disabled: !disabled }}
      label={disabled ? 'Enable' : 'Disable'}
      danger={!disabled}
      confirmText={disabled ? undefined : warning}
      testId={`connection-toggle-${id}`}
    />
  );
}
