/**
 * Content models from the OASIS SAML 2.0 schemas `saml-schema-protocol-2.0.xsd` (samlp:Response,
 * StatusResponseType) and `saml-schema-assertion-2.0.xsd` (saml:Assertion and what an SSO assertion holds,
 * saml-core §2). Deliberately narrower than the XSDs, each narrowing noted:
 *   - Advice, BaseID, EncryptedAttribute, AuthzDecisionStatement, abstract Statement / Condition (xsi:type
 *     extension points) and AuthnContextDecl are refused: no SSO profile needs them and each is a place a
 *     second assertion or foreign content can hide;
 *   - SubjectConfirmationData may carry no child elements (bearer confirmation, saml-profiles §4.1.4.2);
 *   - samlp:Extensions and StatusDetail are not descended (they never carry what we read; the structure
 *     check still finds any Assertion or Signature inside them).
 */
import { NS } from '../xml';
import { key, type AttrDecl, type SchemaTable } from './model';

const P = (l: string) => key(NS.samlp, l);
const A = (l: string) => key(NS.saml, l);
const DS = (l: string) => key(NS.ds, l);
const XENC = (l: string) => key(NS.xenc, l);

const req = (type: AttrDecl['type']): AttrDecl => ({ type, required: true });
const opt = (type: AttrDecl['type']): AttrDecl => ({ type });

/** NameIDType (saml-core §2.2.3) for Issuer and NameID. */
const nameIdType = {
  attrs: { NameQualifier: opt('string'), SPNameQualifier: opt('string'), Format: opt('anyURI'), SPProvidedID: opt('string') },
  content: 'string',
} as const;

export const samlTable: SchemaTable = {
  // saml-core §3.2.2 StatusResponseType + §3.3.3 ResponseType.
  [P('Response')]: {
    attrs: {
      ID: req('ID'),
      InResponseTo: opt('NCName'),
      Version: req('version'),
      IssueInstant: req('dateTime'),
      Destination: opt('anyURI'),
      Consent: opt('anyURI'),
    },
    content: [
      { el: A('Issuer'), min: 0 },
      { el: DS('Signature'), min: 0 },
      { el: P('Extensions'), min: 0 },
      { el: P('Status') },
      { choice: [A('Assertion'), A('EncryptedAssertion')], min: 0, max: Infinity },
    ],
  },
  // saml-core §3.7.1 LogoutRequest (RequestAbstractType §3.2.1). Narrowed: the principal is a plain NameID
  // (BaseID and EncryptedID are refused; nothing we send asks for an encrypted NameID).
  [P('LogoutRequest')]: {
    attrs: {
      ID: req('ID'),
      Version: req('version'),
      IssueInstant: req('dateTime'),
      Destination: opt('anyURI'),
      Consent: opt('anyURI'),
      NotOnOrAfter: opt('dateTime'),
      Reason: opt('string'),
    },
    content: [
      { el: A('Issuer'), min: 0 },
      { el: DS('Signature'), min: 0 },
      { el: P('Extensions'), min: 0 },
      { el: A('NameID') },
      { el: P('SessionIndex'), min: 0, max: Infinity },
    ],
  },
  [P('SessionIndex')]: { content: 'string' },
  [P('Extensions')]: { content: 'skip' },
  [P('Status')]: { content: [{ el: P('StatusCode') }, { el: P('StatusMessage'), min: 0 }, { el: P('StatusDetail'), min: 0 }] },
  [P('StatusCode')]: { attrs: { Value: req('anyURI') }, content: [{ el: P('StatusCode'), min: 0 }] },
  [P('StatusMessage')]: { content: 'string' },
  [P('StatusDetail')]: { content: 'skip' },

  [A('Issuer')]: nameIdType,
  [A('NameID')]: nameIdType,
  [A('EncryptedAssertion')]: { content: [{ el: XENC('EncryptedData') }, { el: XENC('EncryptedKey'), min: 0, max: Infinity }] },
  [A('EncryptedID')]: { content: [{ el: XENC('EncryptedData') }, { el: XENC('EncryptedKey'), min: 0, max: Infinity }] },
  // saml-core §2.3.3.
  [A('Assertion')]: {
    attrs: { Version: req('version'), ID: req('ID'), IssueInstant: req('dateTime') },
    content: [
      { el: A('Issuer') },
      { el: DS('Signature'), min: 0 },
      { el: A('Subject'), min: 0 },
      { el: A('Conditions'), min: 0 },
      { choice: [A('AuthnStatement'), A('AttributeStatement')], min: 0, max: Infinity },
    ],
  },
  // saml-core §2.4.1: an identifier and/or confirmations, never nothing.
  [A('Subject')]: {
    content: [
      { choice: [A('NameID'), A('EncryptedID')], min: 0 },
      { el: A('SubjectConfirmation'), min: 0, max: Infinity },
    ],
    check: (el) => (Array.from(el.childNodes).some((n) => n.nodeType === 1) ? undefined : 'Subject is empty'),
  },
  [A('SubjectConfirmation')]: {
    attrs: { Method: req('anyURI') },
    content: [
      { choice: [A('NameID'), A('EncryptedID')], min: 0 },
      { el: A('SubjectConfirmationData'), min: 0 },
    ],
  },
  [A('SubjectConfirmationData')]: {
    attrs: {
      NotBefore: opt('dateTime'),
      NotOnOrAfter: opt('dateTime'),
      Recipient: opt('anyURI'),
      InResponseTo: opt('NCName'),
      Address: opt('string'),
    },
    otherAttrs: true,
    content: 'empty',
  },
  // saml-core §2.5.
  [A('Conditions')]: {
    attrs: { NotBefore: opt('dateTime'), NotOnOrAfter: opt('dateTime') },
    content: [{ choice: [A('AudienceRestriction'), A('OneTimeUse'), A('ProxyRestriction')], min: 0, max: Infinity }],
  },
  [A('AudienceRestriction')]: { content: [{ el: A('Audience'), max: Infinity }] },
  [A('Audience')]: { content: 'anyURI' },
  [A('OneTimeUse')]: { content: 'empty' },
  [A('ProxyRestriction')]: { attrs: { Count: opt('nonNegInt') }, content: [{ el: A('Audience'), min: 0, max: Infinity }] },
  // saml-core §2.7.2.
  [A('AuthnStatement')]: {
    attrs: { AuthnInstant: req('dateTime'), SessionIndex: opt('string'), SessionNotOnOrAfter: opt('dateTime') },
    content: [{ el: A('SubjectLocality'), min: 0 }, { el: A('AuthnContext') }],
  },
  [A('SubjectLocality')]: { attrs: { Address: opt('string'), DNSName: opt('string') }, content: 'empty' },
  [A('AuthnContext')]: {
    content: [
      { el: A('AuthnContextClassRef'), min: 0 },
      { el: A('AuthnContextDeclRef'), min: 0 },
      { el: A('AuthenticatingAuthority'), min: 0, max: Infinity },
    ],
    check: (el) =>
      Array.from(el.childNodes).some((n) => n.nodeType === 1 && /^AuthnContext(ClassRef|DeclRef)$/.test((n as Element).localName ?? ''))
        ? undefined
        : 'AuthnContext needs AuthnContextClassRef or AuthnContextDeclRef',
  },
  [A('AuthnContextClassRef')]: { content: 'anyURI' },
  [A('AuthnContextDeclRef')]: { content: 'anyURI' },
  [A('AuthenticatingAuthority')]: { content: 'anyURI' },
  // saml-core §2.7.3.
  [A('AttributeStatement')]: { content: [{ el: A('Attribute'), max: Infinity }] },
  [A('Attribute')]: {
    attrs: { Name: req('string'), NameFormat: opt('anyURI'), FriendlyName: opt('string') },
    otherAttrs: true,
    content: [{ el: A('AttributeValue'), min: 0, max: Infinity }],
  },
  // xs:anyType (saml-core §2.7.3.1.1): any attributes (xsi:type, xsi:nil) and content; values are read as textContent.
  [A('AttributeValue')]: { otherAttrs: true, content: 'skip' },
};
