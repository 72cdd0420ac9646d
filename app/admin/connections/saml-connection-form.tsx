'use client';

import { SAML_EMAILS_AUTHORITATIVE, SAML_PRESETS } from '@/lib/core/config/schema';
import { ConfigEditForm } from '../config-edit';

export interface SamlConnectionFields {
  id: string;
  name: string;
  preset: (typeof SAML_PRESETS)[number];
  metadataUrl?: string;
  metadataXml?: string;
  allowIdpInitiated: boolean;
  emailsAuthoritative: boolean;
}

const presetDefaults = SAML_PRESETS.filter((p) => SAML_EMAILS_AUTHORITATIVE[p]).join(', ');

/**
 * Add a corporate SAML IdP, or change one (same id): name, vendor preset, and its metadata as an https URL
 * (refreshed hourly) or pasted XML. Other settings (attribute names, clock skew…) are kept on an edit.
 */
export function SamlConnectionForm({ basedOn, connection }: { basedOn: number; connection?: SamlConnectionFields }) {
  const toEdit = (f: FormData) => {
    const url = String(f.get('metadataUrl') ?? '').trim();
    const xml = String(f.get('metadataXml') ?? '').trim();
    return {
      op: 'putSamlConnection',
      connection: {
        id: String(f.get('id') ?? '').trim(),
        name: String(f.get('name') ?? '').trim(),
        preset: String(f.get('preset') ?? 'generic'),
        ...(url ? { metadataUrl: url } : {}),
        ...(xml ? { metadataXml: xml } : {}),
        allowIdpInitiated: f.get('allowIdpInitiated') === 'on',
        ...(f.get('emailsAuthoritative') === 'yes' ? { emailsAuthoritative: true } : {}),
        ...(f.get('emailsAuthoritative') === 'no' ? { emailsAuthoritative: false } : {}),
      },
    };
  };
  return (
    <ConfigEditForm key={connection?.id ?? 'new'} basedOn={basedOn} toEdit={toEdit} submitLabel={connection ? `Save ${connection.id}` : 'Add SAML connection'} testId="saml-form">
      <div className="edit-grid">
        <label>Id<input className="input mono" name="id" defaultValue={connection?.id} readOnly={Boolean(connection)} required data-testid="saml-form-id" /></label>
        <label>Name<input className="input" name="name" defaultValue={connection?.name} required data-testid="saml-form-name" /></label>
        <label>
          Vendor preset
          <select className="input" name="preset" defaultValue={connection?.preset ?? 'generic'} data-testid="saml-form-preset">
            {SAML_PRESETS.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label>Metadata URL (https)<input className="input mono" name="metadataUrl" defaultValue={connection?.metadataUrl} data-testid="saml-form-url" /></label>
        <label>
          Emails from this IdP are verified
          <select className="input" name="emailsAuthoritative" defaultValue={connection ? (connection.emailsAuthoritative ? 'yes' : 'no') : ''} data-testid="saml-form-emails-authoritative">
            <option value="">preset default (yes for {presetDefaults})</option>
            <option value="yes">yes: its directory owns the addresses</option>
            <option value="no">no: emails grant nothing</option>
          </select>
        </label>
        <label className="check"><input type="checkbox" name="allowIdpInitiated" defaultChecked={connection?.allowIdpInitiated} data-testid="saml-form-idp-initiated" /> Allow IdP-initiated sign-in</label>
      </div>
      <label className="preview-claims">
        …or the metadata XML
        <textarea className="input mono" name="metadataXml" defaultValue={connection?.metadataXml} data-testid="saml-form-xml" />
      </label>
    </ConfigEditForm>
  );
}
