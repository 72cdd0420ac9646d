/**
 * Demo users of the test SAML IdP: the same three people at every shape (plus, at Entra, one whose groups
 * overflow into groups.link), each shape releasing them with its
 * product's attribute names and group representation (names, Entra group object ids, Shibboleth isMemberOf).
 *
 * DEMO ONLY: every user's password is `demo` (DEMO_PASSWORD). These accounts exist solely for the demo and the
 * tests; never reuse this module or its password for anything reachable by other people.
 */
import { DEMO_PASSWORD, ENTRA_GROUP_IDS, ENTRA_TENANT_ID } from '../oidc-idp/users';
import type { ShapeId } from './shapes';

export { DEMO_PASSWORD };

export interface SamlAttribute {
  readonly name: string;
  readonly friendlyName?: string;
  readonly nameFormat?: string;
  readonly values: readonly string[];
}

export interface Person {
  /** What is typed in the login field (case-insensitive); also the email address and UPN. */
  readonly login: string;
  readonly givenName: string;
  readonly surname: string;
  /** sAMAccountName / Shibboleth uid. */
  readonly account: string;
  /** Entra object id. */
  readonly oid: string;
  readonly groups: readonly string[];
}

export interface SamlDemoUser {
  readonly shape: ShapeId;
  readonly person: Person;
  /** One line shown next to the user on the login page. */
  readonly summary: string;
  readonly attributes: readonly SamlAttribute[];
}

export const WINDOWS_DOMAIN = 'EXAMPLE';
export const ENTRA_MARKETING_GROUP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export const PEOPLE: readonly Person[] = [
  { login: 'sam@example.com', givenName: 'Sam', surname: 'Sample', account: 'sam', oid: '5a3e1c2b-0000-4000-8000-00000000005a',
    groups: ['aws-dev-admins', 'aws-readonly'] },
  { login: 'sid@example.com', givenName: 'Sid', surname: 'Singh', account: 'sid', oid: '51d0c2b3-0000-4000-8000-0000000051d0',
    groups: ['aws-prod-operators'] },
  { login: 'nora@example.com', givenName: 'Nora', surname: 'Noaccess', account: 'nora', oid: '7e0a4c1d-0000-4000-8000-000000007e0a',
    groups: ['marketing'] },
];

const ENTRA_GROUPS: Readonly<Record<string, string>> = {
  'aws-dev-admins': ENTRA_GROUP_IDS.awsDevAdmins,
  'aws-readonly': ENTRA_GROUP_IDS.awsReadonly,
  'aws-prod-operators': ENTRA_GROUP_IDS.awsProdOperators,
  marketing: ENTRA_MARKETING_GROUP_ID,
};

export const ATTR = {
  emailaddress: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  givenname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  surname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  adfsGroup: 'http://schemas.xmlsoap.org/claims/Group',
  windowsaccountname: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname',
  entraGroups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  objectidentifier: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
  tenantid: 'http://schemas.microsoft.com/identity/claims/tenantid',
  displayname: 'http://schemas.microsoft.com/identity/claims/displayname',
  identityprovider: 'http://schemas.microsoft.com/identity/claims/identityprovider',
  authnmethodsreferences: 'http://schemas.microsoft.com/claims/authnmethodsreferences',
  mail: 'urn:oid:0.9.2342.19200300.100.1.3',
  eduPersonPrincipalName: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6',
  displayName: 'urn:oid:2.16.840.1.113730.3.1.241',
  isMemberOf: 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1',
  eduPersonEntitlement: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.7',
} as const;

const URI_FORMAT = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';
const UNSPECIFIED_FORMAT = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';

const displayName = (p: Person): string => `${p.givenName} ${p.surname}`;
const attr = (name: string, ...values: string[]): SamlAttribute => ({ name, values });
const okta = (name: string, ...values: string[]): SamlAttribute => ({ name, nameFormat: UNSPECIFIED_FORMAT, values });
const shib = (friendlyName: string, name: string, values: readonly string[]): SamlAttribute =>
  ({ name, friendlyName, nameFormat: URI_FORMAT, values });

const ATTRIBUTES: Readonly<Record<ShapeId, (p: Person) => SamlAttribute[]>> = {
  adfs: (p) => [
    attr(ATTR.emailaddress, p.login),
    attr(ATTR.name, displayName(p)),
    attr(ATTR.upn, p.login),
    attr(ATTR.windowsaccountname, `${WINDOWS_DOMAIN}\\${p.account}`),
    attr(ATTR.adfsGroup, ...p.groups),
  ],
  okta: (p) => [okta('email', p.login), okta('firstName', p.givenName), okta('lastName', p.surname), okta('groups', ...p.groups)],
  entra: (p) => [
    attr(ATTR.tenantid, ENTRA_TENANT_ID),
    attr(ATTR.objectidentifier, p.oid),
    attr(ATTR.displayname, displayName(p)),
    attr(ATTR.entraGroups, ...p.groups.map((g) => ENTRA_GROUPS[g] ?? g)),
    attr(ATTR.identityprovider, `https://sts.windows.net/${ENTRA_TENANT_ID}/`),
    attr(ATTR.authnmethodsreferences, 'http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password'),
    attr(ATTR.givenname, p.givenName),
    attr(ATTR.surname, p.surname),
    attr(ATTR.emailaddress, p.login),
    attr(ATTR.name, p.login),
  ],
  shibboleth: (p) => [
    shib('mail', ATTR.mail, [p.login]),
    shib('eduPersonPrincipalName', ATTR.eduPersonPrincipalName, [p.login]),
    shib('displayName', ATTR.displayName, [displayName(p)]),
    shib('isMemberOf', ATTR.isMemberOf, p.groups),
    shib('eduPersonEntitlement', ATTR.eduPersonEntitlement, p.groups.map((g) => `urn:mace:example.com:entitlement:${g}`)),
  ],
};

function summary(shape: ShapeId, p: Person): string {
  const aws = p.groups.filter((g) => g.startsWith('aws-'));
  const groups = aws.length > 0 ? `groups ${aws.join(', ')}` : `no AWS groups (group ${p.groups.join(', ')})`;
  return shape === 'entra' && aws.length > 0 ? `${groups} (as group object ids)` : groups;
}

/**
 * Entra only (issue 13 §3): a user in more than 150 groups, for whom Entra sends `groups.link` (a Graph
 * link) in place of the groups claim. Rolegate refuses that sign-in as SAML_GROUPS_OVERAGE.
 */
const ENTRA_OVERAGE: Person = { login: 'erin@example.com', givenName: 'Erin', surname: 'Overage', account: 'erin', oid: 'e7e7e7e7-0000-4000-8000-0000000e7e7e', groups: [] };
const GROUPS_LINK = 'http://schemas.microsoft.com/claims/groups.link';

function entraOverageUser(): SamlDemoUser {
  const link = attr(GROUPS_LINK, `https://graph.windows.net/${ENTRA_TENANT_ID}/users/${ENTRA_OVERAGE.oid}/getMemberObjects`);
  const attributes = ATTRIBUTES.entra(ENTRA_OVERAGE).map((a) => (a.name === ATTR.entraGroups ? link : a));
  return { shape: 'entra', person: ENTRA_OVERAGE, summary: 'over 150 groups: groups.link instead of groups', attributes };
}

export function usersFor(shape: ShapeId): SamlDemoUser[] {
  const users = PEOPLE.map((person) => ({ shape, person, summary: summary(shape, person), attributes: ATTRIBUTES[shape](person) }));
  return shape === 'entra' ? [...users, entraOverageUser()] : users;
}

export function findUser(shape: ShapeId, login: string): SamlDemoUser | undefined {
  const wanted = login.trim().toLowerCase();
  return usersFor(shape).find((u) => u.person.login === wanted);
}
