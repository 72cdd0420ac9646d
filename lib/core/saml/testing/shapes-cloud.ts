/**
 * Test-only: cloud directories whose SAML apps send the attribute names their admin types in (Okta,
 * Google Workspace, OneLogin, JumpCloud), with the names each product documents or pre-fills. Each names
 * the recommended subject attribute of the README's preset table (`conn.subjectAttribute`), since their
 * NameIDs are emails or usernames.
 */
import { NAME_FORMAT, NAMEID, type RealShape } from './real-shape';

const S = 'xs:string';

export const CLOUD_SHAPES: RealShape[] = [
  {
    title: 'Okta: unspecified NameID (Okta username), attribute and group statements, xs:string values',
    preset: 'okta',
    base: 'okta',
    style: { nameIdFormat: NAMEID.unspecified },
    nameId: 'sid.chen@example.com',
    attributes: [
      { name: 'email', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['Sid.Chen@example.com'] },
      { name: 'firstName', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['Sid'] },
      { name: 'lastName', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['Chen'] },
      { name: 'userId', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['00u1a2b3c4D5e6F7g8h9'] },
      { name: 'groups', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['Everyone', 'aws-dev-operators'] },
    ],
    conn: { subjectAttribute: 'userId' },
    expected: { groups: ['Everyone', 'aws-dev-operators'], email: 'sid.chen@example.com', emailVerified: true, name: 'Sid Chen' },
  },
  {
    title: 'Google Workspace: default NameID (primary email, unspecified format), first/last name and group membership mapped',
    preset: 'google',
    base: 'google',
    style: { nameIdFormat: NAMEID.unspecified },
    nameId: 'gina@example.com',
    attributes: [
      { name: 'firstName', type: 'xs:anyType', values: ['Gina'] },
      { name: 'lastName', type: 'xs:anyType', values: ['Lopez'] },
      { name: 'employeeId', type: 'xs:anyType', values: ['E-1042'] },
      { name: 'groups', type: 'xs:anyType', values: ['aws-readonly', 'eng'] },
    ],
    conn: { subjectAttribute: 'employeeId' },
    // Google's default format says nothing about the NameID being an email, and no email attribute was
    // mapped: no email. Map Primary email to `email`, or set the Name ID format to EMAIL (next shape).
    expected: { groups: ['aws-readonly', 'eng'], email: undefined, emailVerified: false, name: 'Gina Lopez' },
  },
  {
    title: 'Google Workspace: Name ID format EMAIL, no attributes mapped',
    preset: 'google',
    base: 'google',
    style: { nameIdFormat: NAMEID.emailAddress },
    nameId: 'Gina@Example.com',
    attributes: [],
    // No attributes to name: the emailAddress NameID itself is the subject.
    expected: { groups: [], email: 'gina@example.com', emailVerified: true, name: undefined },
  },
  {
    title: 'OneLogin SAML Custom Connector: Email NameID, User.* parameters, memberOf multi-value parameter',
    preset: 'onelogin',
    base: 'okta',
    style: { samlp: 'samlp', saml: 'saml', signResponse: false, signAssertion: true, nameIdFormat: NAMEID.emailAddress },
    nameId: 'olga.ivanova@example.com',
    attributes: [
      { name: 'User.email', nameFormat: NAME_FORMAT.basic, type: S, values: ['olga.ivanova@example.com'] },
      { name: 'User.FirstName', nameFormat: NAME_FORMAT.basic, type: S, values: ['Olga'] },
      { name: 'User.LastName', nameFormat: NAME_FORMAT.basic, type: S, values: ['Ivanova'] },
      { name: 'PersonImmutableID', nameFormat: NAME_FORMAT.basic, type: S, values: ['118325640'] },
      { name: 'memberOf', nameFormat: NAME_FORMAT.basic, type: S, values: ['aws-admins', 'Support'] },
    ],
    conn: { subjectAttribute: 'PersonImmutableID' },
    expected: { groups: ['aws-admins', 'Support'], email: 'olga.ivanova@example.com', emailVerified: true, name: 'Olga Ivanova' },
  },
  {
    title: 'JumpCloud custom SAML app: email NameID (unspecified format), user attributes, group attribute memberOf',
    preset: 'jumpcloud',
    base: 'okta',
    style: { signResponse: false, signAssertion: true, nameIdFormat: NAMEID.unspecified },
    nameId: 'jo.park@example.com',
    attributes: [
      { name: 'email', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['jo.park@example.com'] },
      { name: 'firstname', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['Jo'] },
      { name: 'lastname', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['Park'] },
      { name: 'employeeIdentifier', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['4711'] },
      { name: 'memberOf', nameFormat: NAME_FORMAT.unspecified, type: S, values: ['All Users', 'aws-readonly'] },
    ],
    conn: { subjectAttribute: 'employeeIdentifier' },
    expected: { groups: ['All Users', 'aws-readonly'], email: 'jo.park@example.com', emailVerified: true, name: 'Jo Park' },
  },
];
