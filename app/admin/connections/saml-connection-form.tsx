'use client';

import { useState } from 'react';
import { SAML_EMAILS_AUTHORITATIVE, SAML_PRESETS } from '@/lib/core/config/schema';
import { SAML_ATTRIBUTE_PRESETS } from '@/lib/core/saml/attribute-presets';
import { NAMEID_POLICIES, type NameIdPolicy } from '@/lib/core/saml/name-id';
import { ConfigEditForm, listField } from '../config-edit';

type Preset = (typeof SAML_PRESETS)[number];
const ATTRIBUTE_KINDS = [
  { key: 'groups', label: 'Groups attribute names' },
  { key: 'email', label: 'Email attribute names' },
  { key: 'name', label: 'Display name attribute names' },
] as const;
type AttributeKind = (typeof ATTRIBUTE_KINDS)[number]['key'];

export interface SamlConnectionFields {
  id: string;
  name: string;
  preset: Preset;
  metadataUrl?: string;
  metadataXml?: string;
  allowIdpInitiated: boolean;
  emailsAuthoritative: boolean;
  attributes: Partial<Record<AttributeKind, string[]>>;
  subjectAttribute?: string;
  nameIdPolicy: NameIdPolicy;
  forceAuthn: boolean;
}

const presetDefaults = SAML_PRESETS.filter((p) => SAML_EMAILS_AUTHORITATIVE[p]).join(', ');

/**
 * Add a corporate SAML IdP, or change one (same id): name, vendor preset, and its metadata as an https URL
 * (refreshed hourly) or pasted XML, and the attribute names that carry groups, email and display name (a
 * generic IdP must name its groups or email attribute). Other settings (clock skew…) are kept on an edit.
 */
export function SamlConnectionForm(props: { basedOn: number; connection?: SamlConnectionFields }) {
  // Keyed by connection: opening another connection's edit starts from its values (the preset too).
  return <SamlConnectionFormFor key={props.connection?.id ?? 'new'} {...props} />;
}

function SamlConnectionFormFor({ basedOn, connection }: { basedOn: number; connection?: SamlConnectionFields }) {
  const [preset, setPreset] = useState<Preset>(connection?.preset ?? 'generic');
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
        attributes: Object.fromEntries(ATTRIBUTE_KINDS.map(({ key }) => [key, listField(f, `attr-${key}`)])),
        ...subjectEdit(f),
      },
    };
  };
  return (
    <ConfigEditForm basedOn={basedOn} toEdit={toEdit} submitLabel={connection ? `Save ${connection.id}` : 'Add SAML connection'} testId="saml-form">
      <div className="edit-grid">
        <label>Id<input className="input mono" name="id" defaultValue={connection?.id} readOnly={Boolean(connection)} required data-testid="saml-form-id" /></label>
        <label>Name<input className="input" name="name" defaultValue={connection?.name} required data-testid="saml-form-name" /></label>
        <label>
          Vendor preset
          <select className="input" name="preset" value={preset} onChange={(e) => setPreset(e.target.value as Preset)} data-testid="saml-form-preset">
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
      <SamlAttributeFields preset={preset} attributes={connection?.attributes ?? {}} />
      <SamlSubjectFields connection={connection} />
      <label className="preview-claims">
        …or the metadata XML
        <textarea className="input mono" name="metadataXml" defaultValue={connection?.metadataXml} data-testid="saml-form-xml" />
      </label>
    </ConfigEditForm>
  );
}

/** Attribute names, one per line (or comma-separated): the first one the IdP sends wins. Empty: the preset's. */
function SamlAttributeFields({ preset, attributes }: { preset: Preset; attributes: SamlConnectionFields['attributes'] }) {
  const defaults = SAML_ATTRIBUTE_PRESETS[preset];
  return (
    <fieldset className="edit-grid" data-testid="saml-form-attributes">
      <legend>Attributes (one name per line; empty: the preset&apos;s{preset === 'generic' ? ' — a generic IdP must name its groups or email attribute' : ''})</legend>
      {ATTRIBUTE_KINDS.map(({ key, label }) => (
        <label key={key}>
          {label}
          <textarea className="input mono" name={`attr-${key}`} defaultValue={attributes[key]?.join('\n')} placeholder={defaults[key].join('\n') || 'none'} data-testid={`saml-form-attr-${key}`} />
        </label>
      ))}
    </fieldset>
  );
}

const POLICY_LABELS: Record<NameIdPolicy, string> = {
  omit: 'omit: the IdP sends what its admin configured (default)',
  persistent: 'persistent',
  emailAddress: 'emailAddress',
  unspecified: 'unspecified',
  transient: 'transient (needs a subject attribute)',
};

function subjectEdit(f: FormData) {
  const subjectAttribute = String(f.get('subjectAttribute') ?? '').trim();
  const nameIdPolicy = String(f.get('nameIdPolicy') ?? 'omit');
  return {
    ...(subjectAttribute ? { subjectAttribute } : {}),
    ...(nameIdPolicy !== 'omit' ? { nameIdPolicy } : {}),
    forceAuthn: f.get('forceAuthn') === 'on',
  };
}

/** Who a person is at every sign-in (the NameID, or one attribute's single value), and what the AuthnRequest asks for. */
function SamlSubjectFields({ connection }: { connection?: SamlConnectionFields }) {
  return (
    <fieldset className="edit-grid" data-testid="saml-form-subject">
      <legend>Subject (who a person is at every sign-in; a transient NameID is refused unless an attribute is named)</legend>
      <label>
        Subject attribute
        <input className="input mono" name="subjectAttribute" defaultValue={connection?.subjectAttribute} placeholder="empty: the NameID · e.g. urn:oid:1.3.6.1.4.1.5923.1.1.1.6" data-testid="saml-form-subject-attribute" />
      </label>
      <label>
        NameID policy (AuthnRequest)
        <select className="input" name="nameIdPolicy" defaultValue={connection?.nameIdPolicy ?? 'omit'} data-testid="saml-form-nameid-policy">
          {NAMEID_POLICIES.map((p) => <option key={p} value={p}>{POLICY_LABELS[p]}</option>)}
        </select>
      </label>
      <label className="check"><input type="checkbox" name="forceAuthn" defaultChecked={connection?.forceAuthn} data-testid="saml-form-force-authn" /> Ask the IdP to re-authenticate at every sign-in (ForceAuthn)</label>
    </fieldset>
  );
}
