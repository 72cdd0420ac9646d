/**
 * Test-only: IdPs run on premises: Shibboleth IdP v4/v5 (InCommon attribute release by OID, encrypted,
 * transient NameID), SimpleSAMLphp 1.19 (the same attributes by friendly name, as Debian's package sends
 * them), PingFederate (LDAP attribute contract, memberOf as DNs) and Keycloak (built-in X500 mappers, the
 * group list mapper's `member`, the default role list with one Attribute per role). Shibboleth and
 * PingFederate are pretty-printed here: whitespace around every value.
 */
import { NAME_FORMAT, NAMEID, type RealShape } from './real-shape';

const URI = NAME_FORMAT.uri;
const BASIC = NAME_FORMAT.basic;
const EPPN = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6';

export const ONPREM_SHAPES: RealShape[] = [
  {
    title: 'Shibboleth IdP v5 (InCommon release): transient NameID, urn:oid names with FriendlyName, encrypted, pretty-printed',
    preset: 'shibboleth',
    base: 'shibboleth',
    style: { nameIdFormat: NAMEID.transient },
    nameId: 'AAdzZWNyZXQxU2Vh6k8Vn3oq2Q==',
    pretty: true,
    attributes: [
      { name: EPPN, friendlyName: 'eduPersonPrincipalName', nameFormat: URI, type: 'xsd:string', values: ['nora@example.edu'] },
      { name: 'urn:oid:0.9.2342.19200300.100.1.3', friendlyName: 'mail', nameFormat: URI, type: 'xsd:string', values: ['Nora.Quinn@example.edu'] },
      { name: 'urn:oid:2.16.840.1.113730.3.1.241', friendlyName: 'displayName', nameFormat: URI, type: 'xsd:string', values: ['Nora Quinn'] },
      { name: 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1', friendlyName: 'isMemberOf', nameFormat: URI, type: 'xsd:string', values: ['aws-admins', 'staff'] },
      { name: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.7', friendlyName: 'eduPersonEntitlement', nameFormat: URI, type: 'xsd:string', values: ['urn:mace:example.edu:aws:readonly'] },
    ],
    conn: { subjectAttribute: EPPN },
    expected: { groups: ['aws-admins', 'staff', 'urn:mace:example.edu:aws:readonly'], email: 'nora.quinn@example.edu', emailVerified: true, name: 'Nora Quinn' },
  },
  {
    title: 'SimpleSAMLphp 1.19 with the shibboleth preset: friendly names as Name (basic), transient NameID, givenName + sn only',
    preset: 'shibboleth',
    base: 'shibboleth',
    // modules/saml/lib/IdP/SAML2.php: signs Response and Assertion, NameFormat basic unless configured.
    style: { samlp: 'samlp', saml: 'saml', encrypt: undefined, signResponse: true, signAssertion: true, nameIdFormat: NAMEID.transient },
    nameId: '_4b6e1f0c2d7a9e3b5c8f1a0d2e4b6c8a9f0e1d2c3b',
    attributes: [
      { name: 'eduPersonPrincipalName', nameFormat: BASIC, type: 'xs:string', values: ['pat@example.org'] },
      { name: 'mail', nameFormat: BASIC, type: 'xs:string', values: ['pat@example.org'] },
      { name: 'givenName', nameFormat: BASIC, type: 'xs:string', values: ['Pat'] },
      { name: 'sn', nameFormat: BASIC, type: 'xs:string', values: ['Lee'] },
      { name: 'isMemberOf', nameFormat: BASIC, type: 'xs:string', values: ['aws-readonly'] },
    ],
    conn: { subjectAttribute: 'eduPersonPrincipalName' },
    expected: { groups: ['aws-readonly'], email: 'pat@example.org', emailVerified: true, name: 'Pat Lee' },
  },
  {
    title: 'PingFederate: unspecified NameID (sAMAccountName), LDAP attribute contract, memberOf DNs, pretty-printed',
    preset: 'pingfederate',
    base: 'google',
    style: { samlp: 'samlp', saml: 'saml', nameIdFormat: NAMEID.unspecified },
    nameId: 'jdoe',
    pretty: true,
    attributes: [
      { name: 'mail', nameFormat: BASIC, type: 'xs:string', values: ['Jane.Doe@corp.example'] },
      { name: 'givenName', nameFormat: BASIC, type: 'xs:string', values: ['Jane'] },
      { name: 'sn', nameFormat: BASIC, type: 'xs:string', values: ['Doe'] },
      { name: 'objectGUID', nameFormat: BASIC, type: 'xs:string', values: ['wRTxOLAx0kSbYIP3V8JwYw=='] },
      { name: 'memberOf', nameFormat: BASIC, type: 'xs:string', values: ['CN=aws-admins,OU=Groups,DC=corp,DC=example', 'CN=Domain Users,CN=Users,DC=corp,DC=example'] },
    ],
    conn: { subjectAttribute: 'objectGUID' },
    expected: { groups: ['CN=aws-admins,OU=Groups,DC=corp,DC=example', 'CN=Domain Users,CN=Users,DC=corp,DC=example'], email: 'jane.doe@corp.example', emailVerified: true, name: 'Jane Doe' },
  },
  {
    title: 'Keycloak 26: persistent NameID, X500 email/givenName/surname mappers, group list `member` (full paths), default role list',
    preset: 'keycloak',
    base: 'google',
    style: { samlp: 'samlp', saml: 'saml', nameIdFormat: NAMEID.persistent },
    nameId: 'G-3f2c0a4e-8b1d-4e6f-9a7c-5d3b1e9f0a2c',
    attributes: [
      { name: 'Role', nameFormat: BASIC, type: 'xs:string', split: true, values: ['default-roles-corp', 'offline_access', 'uma_authorization', 'aws-admins'] },
      { name: 'member', nameFormat: BASIC, type: 'xs:string', values: ['/aws/admins', '/staff'] },
      { name: 'urn:oid:1.2.840.113549.1.9.1', friendlyName: 'email', nameFormat: URI, type: 'xs:string', values: ['kai.berg@example.com'] },
      { name: 'urn:oid:2.5.4.42', friendlyName: 'givenName', nameFormat: URI, type: 'xs:string', values: ['Kai'] },
      { name: 'urn:oid:2.5.4.4', friendlyName: 'surname', nameFormat: URI, type: 'xs:string', values: ['Berg'] },
    ],
    // Role is not read (attribute-presets.ts): a client's role "aws-admins" would pass as this one.
    expected: { groups: ['/aws/admins', '/staff'], email: 'kai.berg@example.com', emailVerified: false, name: 'Kai Berg' },
  },
];
