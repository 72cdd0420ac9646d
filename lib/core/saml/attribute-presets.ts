/**
 * Which SAML attributes carry groups, email and a person's name, per IdP product, named as each product
 * emits them (the README's preset table lists the same, with each product's default NameID):
 * - ADFS: claim-type URIs from its claim rules (Token-Groups → `claims/Group`, LDAP mail/UPN/display name).
 * - Entra ID: claim URIs of its SAML token reference; groups are object ids (map them with groupNames),
 *   app roles arrive as `claims/role`; `groups.link` instead of groups is an overage (attribute-values.ts).
 * - Okta, Google Workspace, OneLogin, JumpCloud: plain names the admin types into the app's attribute
 *   statements; these are each product's documented or pre-filled ones (Okta `groups`/`firstName`,
 *   OneLogin's SAML connector `User.email`/`User.FirstName`, JumpCloud's group attribute `memberOf`).
 * - Shibboleth / InCommon: eduPerson and inetOrgPerson OIDs (attrname-format:uri), and the same
 *   attributes by their friendly names for IdPs that send those as Name (SimpleSAMLphp, older releases).
 * - PingFederate: LDAP attribute names of the attribute contract; `memberOf` values are DNs, matched as
 *   sent (a CN is unique only inside its OU: map a DN to a short name with groupNames if needed).
 * - Keycloak: its built-in mappers (X500 email/givenName/surname by OID, the group list mapper's default
 *   `member`, full paths such as `/aws-admins`). Its default `Role` list is not read as groups: it flattens
 *   realm roles and every client's roles into bare names, so any client's role can look like another's.
 * Values are matched exactly as sent after trimming; the first name the IdP sent wins for email and name,
 * groups come from every listed name.
 */
import type { SamlConnectionConfig } from '../config/schema';

export interface AttributeNames {
  groups: string[];
  email: string[];
  /** A display name; when none arrives, the name is given name + family name. */
  name: string[];
  givenName: string[];
  familyName: string[];
}

type Preset = SamlConnectionConfig['preset'];

const WS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const MS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims';
const OID = {
  isMemberOf: 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1',
  eduPersonEntitlement: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.7',
  mail: 'urn:oid:0.9.2342.19200300.100.1.3',
  displayName: 'urn:oid:2.16.840.1.113730.3.1.241',
  givenName: 'urn:oid:2.5.4.42',
  sn: 'urn:oid:2.5.4.4',
  /** PKCS#9 emailAddress: Keycloak's built-in "X500 email" mapper. */
  pkcs9Email: 'urn:oid:1.2.840.113549.1.9.1',
} as const;

const none: AttributeNames = { groups: [], email: [], name: [], givenName: [], familyName: [] };

export const SAML_ATTRIBUTE_PRESETS: Readonly<Record<Preset, AttributeNames>> = {
  adfs: {
    groups: ['http://schemas.xmlsoap.org/claims/Group', `${MS}/role`],
    email: [`${WS}/emailaddress`, `${WS}/upn`],
    name: [`${WS}/name`, 'http://schemas.xmlsoap.org/claims/CommonName'],
    givenName: [`${WS}/givenname`],
    familyName: [`${WS}/surname`],
  },
  entra: {
    groups: [`${MS}/groups`, `${MS}/role`],
    // Never verified (SAML_EMAILS_AUTHORITATIVE); `name` is the UPN.
    email: [`${WS}/emailaddress`, `${WS}/name`],
    name: ['http://schemas.microsoft.com/identity/claims/displayname'],
    givenName: [`${WS}/givenname`],
    familyName: [`${WS}/surname`],
  },
  okta: { groups: ['groups'], email: ['email', 'mail'], name: ['displayName'], givenName: ['firstName'], familyName: ['lastName'] },
  google: { groups: ['groups'], email: ['email'], name: ['name', 'displayName'], givenName: ['firstName'], familyName: ['lastName'] },
  shibboleth: {
    groups: [OID.isMemberOf, OID.eduPersonEntitlement, 'isMemberOf', 'eduPersonEntitlement'],
    email: [OID.mail, 'mail'],
    name: [OID.displayName, 'displayName'],
    givenName: [OID.givenName, 'givenName'],
    familyName: [OID.sn, 'sn'],
  },
  pingfederate: { groups: ['memberOf', 'groups'], email: ['mail', 'email'], name: ['displayName', 'cn'], givenName: ['givenName'], familyName: ['sn'] },
  keycloak: {
    groups: ['member', 'groups'],
    email: [OID.pkcs9Email, 'email'],
    name: ['displayName'],
    givenName: [OID.givenName, 'firstName', 'givenName'],
    familyName: [OID.sn, 'lastName', 'surname'],
  },
  onelogin: {
    groups: ['memberOf', 'groups'],
    email: ['User.email', 'email'],
    name: ['displayName'],
    givenName: ['User.FirstName', 'firstName'],
    familyName: ['User.LastName', 'lastName'],
  },
  jumpcloud: { groups: ['memberOf', 'groups'], email: ['email', 'mail'], name: ['displayname', 'displayName'], givenName: ['firstname', 'firstName'], familyName: ['lastname', 'lastName'] },
  generic: none,
};

/** The preset's names, with the connection's `attributes` overriding groups, email and name. */
export function attributeNamesFor(conn: Pick<SamlConnectionConfig, 'preset' | 'attributes'>): AttributeNames {
  const preset = SAML_ATTRIBUTE_PRESETS[conn.preset];
  return {
    ...preset,
    groups: conn.attributes.groups ?? preset.groups,
    email: conn.attributes.email ?? preset.email,
    name: conn.attributes.name ?? preset.name,
  };
}
