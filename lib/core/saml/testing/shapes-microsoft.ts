/**
 * Test-only: ADFS and Microsoft Entra ID responses. Both sign the Assertion only and declare the assertion
 * namespace as the default one on it; attributes carry claim-type URIs with no NameFormat and no xsi:type.
 * Claim names: ADFS claim descriptions (Token-Groups → claims/Group, LDAP attributes to E-Mail Address,
 * UPN, Name, Common Name); Entra's SAML token claims reference (groups as object ids, `groups.link` when a
 * user is in more than 150 groups).
 */
import { NAMEID, type RealShape } from './real-shape';

const WS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const MS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims';
const ID = 'http://schemas.microsoft.com/identity/claims';
const GROUP_ADMINS = '5f1c8d2a-3b4e-4c6d-9e8f-0a1b2c3d4e5f';
const GROUP_UNMAPPED = 'b7e6d5c4-a3b2-4190-8f7e-6d5c4b3a2910';

const entraCommon = [
  { name: `${ID}/tenantid`, values: ['72f988bf-86f1-41af-91ab-2d7cd011db47'] },
  { name: `${ID}/objectidentifier`, values: ['0d4c1f3e-7a2b-4c9d-8e1f-2a3b4c5d6e7f'] },
  { name: `${ID}/identityprovider`, values: ['https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/'] },
  { name: `${ID}/authnmethodsreferences`, values: ['http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password'] },
  { name: `${WS}/givenname`, values: ['Dana'] },
  { name: `${WS}/surname`, values: ['Whitfield'] },
  { name: `${WS}/emailaddress`, values: ['Dana.Whitfield@contoso.example'] },
  { name: `${WS}/name`, values: ['dana@contoso.example'] },
];
const entraConn = { groupNames: { [GROUP_ADMINS]: 'aws-admins' }, subjectAttribute: `${ID}/objectidentifier` };

export const MICROSOFT_SHAPES: RealShape[] = [
  {
    title: 'ADFS 2019: persistent NameID, Token-Groups as claims/Group, LDAP claims',
    preset: 'adfs',
    base: 'adfs',
    style: { nameIdFormat: NAMEID.persistent },
    nameId: 'kZ4s8A2vQ0mW3xYh1tLr9g==',
    attributes: [
      { name: `${WS}/emailaddress`, values: ['Sam.Smith@Corp.example'] },
      { name: `${WS}/upn`, values: ['ssmith@corp.example'] },
      { name: `${WS}/name`, values: ['Sam Smith'] },
      { name: 'http://schemas.xmlsoap.org/claims/Group', values: ['Domain Users', 'aws-prod-admins', 'aws-readonly'] },
    ],
    expected: { groups: ['Domain Users', 'aws-prod-admins', 'aws-readonly'], email: 'sam.smith@corp.example', emailVerified: true, name: 'Sam Smith' },
  },
  {
    title: 'ADFS: UPN and Common Name only, role claim, emailAddress NameID',
    preset: 'adfs',
    base: 'adfs',
    style: { nameIdFormat: NAMEID.emailAddress },
    nameId: 'rita@corp.example',
    attributes: [
      { name: `${WS}/upn`, values: ['rita@corp.example'] },
      { name: 'http://schemas.xmlsoap.org/claims/CommonName', values: ['Rita Okafor'] },
      { name: `${MS}/role`, values: ['aws-billing'] },
    ],
    expected: { groups: ['aws-billing'], email: 'rita@corp.example', emailVerified: true, name: 'Rita Okafor' },
  },
  {
    title: 'Entra ID: default claims, group object ids and an app role, emailAddress NameID (the UPN, as requested)',
    preset: 'entra',
    base: 'entra',
    style: { nameIdFormat: NAMEID.emailAddress },
    nameId: 'dana@contoso.example',
    attributes: [
      ...entraCommon,
      { name: `${MS}/groups`, values: [GROUP_ADMINS, GROUP_UNMAPPED] },
      { name: `${MS}/role`, values: ['AWS.ReadOnly'] },
    ],
    conn: entraConn,
    expected: { groups: ['aws-admins', GROUP_UNMAPPED, 'AWS.ReadOnly'], email: 'dana.whitfield@contoso.example', emailVerified: false, name: 'Dana Whitfield' },
  },
  {
    // Entra's default NameID is the UPN, labelled persistent although a UPN can be renamed.
    title: 'Entra ID: displayname claim added, default NameID (the UPN, labelled persistent)',
    preset: 'entra',
    base: 'entra',
    style: { nameIdFormat: NAMEID.persistent },
    nameId: 'dana@contoso.example',
    attributes: [...entraCommon, { name: `${ID}/displayname`, values: ['Dana W. (Platform)'] }, { name: `${MS}/groups`, values: [GROUP_ADMINS] }],
    conn: entraConn,
    expected: { groups: ['aws-admins'], email: 'dana.whitfield@contoso.example', emailVerified: false, name: 'Dana W. (Platform)' },
  },
  {
    title: 'Entra ID: over 150 groups, so groups.link instead of groups',
    preset: 'entra',
    base: 'entra',
    style: { nameIdFormat: NAMEID.emailAddress },
    nameId: 'dana@contoso.example',
    attributes: [
      ...entraCommon,
      { name: 'http://schemas.microsoft.com/claims/groups.link', values: ['https://graph.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/users/0d4c1f3e-7a2b-4c9d-8e1f-2a3b4c5d6e7f/getMemberObjects'] },
    ],
    conn: entraConn,
    expected: { refused: 'SAML_GROUPS_OVERAGE' },
  },
];
