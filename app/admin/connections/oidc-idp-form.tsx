'use client';

import { ConfigEditForm, listField } from '../config-edit';

export interface OidcIdpFields {
  id: string;
  name: string;
  preset: 'okta' | 'google' | 'entra' | 'generic';
  issuer: string;
  clientId: string;
  groupsClaim?: string;
  allowedDomains?: string[];
}

/**
 * Add an OIDC IdP or change one (same id). The client secret is sent apart from the config edit and
 * stored sealed; left empty on an edit, the current secret stays. A secret set in the environment wins.
 */
export function OidcIdpForm({ basedOn, idp, secretFromEnv }: { basedOn: number; idp?: OidcIdpFields; secretFromEnv: boolean }) {
  const toEdit = (f: FormData) => {
    const text = (name: string) => String(f.get(name) ?? '').trim();
    const preset = text('preset');
    const domains = listField(f, 'allowedDomains');
    return {
      op: 'putOidcIdp',
      idp: {
        id: text('id'), name: text('name'), preset, issuer: text('issuer'), clientId: text('clientId'),
        ...(preset !== 'google' && text('groupsClaim') ? { groupsClaim: text('groupsClaim') } : {}),
        ...(preset === 'google' || domains.length ? { allowedDomains: domains } : {}),
      },
    };
  };
  const extra = (f: FormData) => {
    const secret = String(f.get('clientSecret') ?? '');
    return secret ? { clientSecret: secret } : {};
  };
  return (
    <ConfigEditForm key={idp?.id ?? 'new'} basedOn={basedOn} toEdit={toEdit} extra={extra} submitLabel={idp ? `Save ${idp.id}` : 'Add OIDC IdP'} testId="oidc-form">
      <div className="edit-grid">
        <label>Id<input className="input mono" name="id" defaultValue={idp?.id} readOnly={Boolean(idp)} required data-testid="oidc-form-id" /></label>
        <label>Name<input className="input" name="name" defaultValue={idp?.name} required data-testid="oidc-form-name" /></label>
        <label>
          Preset
          <select className="input" name="preset" defaultValue={idp?.preset ?? 'okta'} data-testid="oidc-form-preset">
            <option value="okta">Okta</option><option value="entra">Microsoft Entra ID</option><option value="google">Google Workspace</option><option value="generic">Generic OIDC</option>
          </select>
        </label>
        <label>Issuer (https, exactly as the IdP publishes it)<input className="input mono" name="issuer" defaultValue={idp?.issuer} required data-testid="oidc-form-issuer" /></label>
        <label>Client id<input className="input mono" name="clientId" defaultValue={idp?.clientId} required data-testid="oidc-form-client-id" /></label>
        <label>
          Client secret {idp ? '(empty: keep the current one)' : ''}
          <input className="input mono" name="clientSecret" type="password" autoComplete="new-password" disabled={secretFromEnv} placeholder={secretFromEnv ? 'set in the environment' : ''} data-testid="oidc-form-secret" />
        </label>
        <label>Groups claim (Okta, Entra, generic)<input className="input mono" name="groupsClaim" defaultValue={idp?.groupsClaim} placeholder="groups" /></label>
        <label>Allowed domains (Google: required)<input className="input mono" name="allowedDomains" defaultValue={idp?.allowedDomains?.join(', ')} data-testid="oidc-form-domains" /></label>
      </div>
    </ConfigEditForm>
  );
}
