import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SamlConnectionConfig } from '../config/schema';
import { GatewayError } from '../errors';
import { samlIdentityClaims } from './claims';

const conn = (over: Partial<SamlConnectionConfig>): SamlConnectionConfig => ({
  id: 'corp', name: 'Corp', preset: 'adfs', metadataXml: 'x'.repeat(100), allowIdpInitiated: false, clockSkewSeconds: 60,
  DANGEROUSLY_ALLOW_SHA1: false, attributes: {}, groupNames: {}, emailsAuthoritative: true, disabled: false, nameIdPolicy: 'omit', forceAuthn: false, sloEndsCliLogins: false, ...over,
});

test('ADFS-shaped attributes: Group claim, email claim, persistent NameID as the subject', () => {
  const c = samlIdentityClaims(conn({}), {
    issuer: 'http://adfs.example.com/adfs/services/trust', nameId: 'a1b2c3', nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    attributes: { 'http://schemas.xmlsoap.org/claims/Group': ['aws-dev-admins', 'aws-readonly'], 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': ['Sam@Example.com'] },
  });
  assert.deepEqual([c.idpId, c.issuer, c.subject, c.email, c.emailVerified, c.groups], ['corp', 'http://adfs.example.com/adfs/services/trust', 'a1b2c3', 'sam@example.com', true, ['aws-dev-admins', 'aws-readonly']]);
});

test('Okta email-format NameID supplies the email; Entra group ids map to names and emails stay unverified', () => {
  const okta = samlIdentityClaims(conn({ preset: 'okta' }), { issuer: 'http://www.okta.com/x', nameId: 'sid@example.com', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', attributes: { groups: ['aws-prod-operators'] } });
  assert.equal(okta.email, 'sid@example.com');
  assert.deepEqual(okta.groups, ['aws-prod-operators']);
  const entra = samlIdentityClaims(conn({ preset: 'entra', emailsAuthoritative: false, groupNames: { 'guid-1': 'aws-readonly' } }), {
    issuer: 'https://sts.windows.net/t/', nameId: 'opaque', attributes: { 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['guid-1', 'guid-2'], 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': ['dana@contoso.example'] },
  });
  assert.deepEqual(entra.groups, ['aws-readonly', 'guid-2']);
  assert.equal(entra.emailVerified, false);
});

test('Shibboleth isMemberOf and a per-connection override of the groups attribute', () => {
  const shib = samlIdentityClaims(conn({ preset: 'shibboleth' }), { issuer: 'https://idp.example.edu/idp/shibboleth', nameId: 't1', attributes: { 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1': ['aws-readonly'], 'urn:oid:0.9.2342.19200300.100.1.3': ['n@example.edu'] } });
  assert.deepEqual([shib.groups, shib.email], [['aws-readonly'], 'n@example.edu']);
  const custom = samlIdentityClaims(conn({ preset: 'generic', attributes: { groups: ['memberOf'] } }), { issuer: 'i', nameId: 'n', attributes: { memberOf: ['g'], groups: ['ignored'] } });
  assert.deepEqual(custom.groups, ['g']);
});

test('an email attribute that is not an email is dropped, and an empty NameID is refused', () => {
  const c = samlIdentityClaims(conn({ preset: 'okta' }), { issuer: 'i', nameId: 'n', attributes: { email: ['not-an-email <x>'] } });
  assert.equal(c.email, undefined);
  assert.throws(() => samlIdentityClaims(conn({}), { issuer: 'i', nameId: '', attributes: {} }), (e: unknown) => e instanceof GatewayError && e.code === 'SAML_NAMEID_INVALID');
});

test('issue 12 §1: a connection whose emails are not authoritative gives an unverified email', () => {
  const a = { issuer: 'http://adfs.example.com/adfs/services/trust', nameId: 'x9', attributes: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': ['alice@example.com'] } };
  assert.equal(samlIdentityClaims(conn({ emailsAuthoritative: true }), a).emailVerified, true);
  const c = samlIdentityClaims(conn({ emailsAuthoritative: false }), a);
  assert.deepEqual([c.email, c.emailVerified], ['alice@example.com', false]);
  assert.equal(samlIdentityClaims(conn({ preset: 'entra', emailsAuthoritative: true }), a).emailVerified, false, 'never Entra');
});

test('issue 13 §2: a Shibboleth transient NameID is refused unless the connection names its subject attribute', () => {
  const eppn = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6';
  const a = { issuer: 'https://idp.example.edu/idp/shibboleth', nameId: 'AAdzZWNyZXQx', nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient', attributes: { [eppn]: ['jdoe@example.edu'] } };
  assert.throws(() => samlIdentityClaims(conn({ preset: 'shibboleth' }), a), (e: unknown) => e instanceof GatewayError && e.code === 'SAML_SUBJECT_TRANSIENT');
  const c = samlIdentityClaims(conn({ preset: 'shibboleth', subjectAttribute: eppn }), a);
  assert.deepEqual([c.issuer, c.subject], ['https://idp.example.edu/idp/shibboleth', `attr:${eppn}=jdoe@example.edu`]);
});
