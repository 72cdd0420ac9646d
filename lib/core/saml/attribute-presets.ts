/**
 * Which SAML attributes carry groups, email and display name, per IdP product. Names as the products
 * emit them: ADFS claim URIs, Okta's plain names, Entra's claim URIs (groups are object ids),
 * Shibboleth's eduPerson/inetOrgPerson OIDs (isMemberOf, eduPersonEntitlement), Google's custom attributes.
 */
import type { SamlConnectionConfig } from '../config/schema';

export interface AttributeNames {
  groups: string[];
  email: string[];
  name: string[];
}

const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

export const SAML_ATTRIBUTE_PRESETS: Record<SamlConnectionConfig['preset'], AttributeNames> = {
  adfs: {
    groups: ['http://schemas.xmlsoap.org/claims/Group', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role'],
    email: [`${CLAIMS}/emailaddress`, `${CLAIMS}/upn`],
    name: [`${CLAIMS}/name`, 'http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname'],
  },
  okta: { groups: ['groups'], email: ['email'], name: ['displayName', 'firstName'] },
  entra: {
    groups: ['http://schemas.microsoft.com/ws/2008/06/identity/claims/groups', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role'],
    email: [`${CLAIMS}/emailaddress`, `${CLAIMS}/name`],
    name: ['http://schemas.microsoft.com/identity/claims/displayname'],
  },
  shibboleth: {
    groups: ['urn:oid:1.3.6.1.4.1.5923.1.5.1.1', 'urn:oid:1.3.6.1.4.1.5923.1.1.1.7', 'isMemberOf', 'eduPersonEntitlement'],
    email: ['urn:oid:0.9.2342.19200300.100.1.3', 'mail'],
    name: ['urn:oid:2.16.840.1.113730.3.1.241', 'displayName'],
  },
  google: { groups: ['groups'], email: ['email'], name: ['name'] },
  generic: { groups: [], email: [], name: [] },
};

export function attributeNamesFor(conn: Pick<SamlConnectionConfig, 'preset' | 'attributes'>): AttributeNames {
  const preset = SAML_ATTRIBUTE_PRESETS[conn.preset];
  return {
    groups: conn.attributes.groups ?? preset.groups,
    email: conn.attributes.email ?? preset.email,
    name: conn.attributes.name ?? preset.name,
  };
}
