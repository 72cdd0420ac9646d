import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SamlConnectionConfig } from '../config/schema';
import { GatewayError, publicMessage } from '../errors';
import { SAML_ATTRIBUTE_PRESETS } from './attribute-presets';
import { assertNoGroupsOverage, ENTRA_GROUPS_LINK, firstOf, personName, trimmedAttributes } from './attribute-values';
import { samlIdentityClaims } from './claims';

const overage = (e: unknown) => e instanceof GatewayError && e.code === 'SAML_GROUPS_OVERAGE' && e.status === 403;

test('values are trimmed and values empty after trimming are dropped; names are left alone', () => {
  assert.deepEqual(trimmedAttributes({ ' g ': ['\n    aws-admins\n  ', '\t', 'x'], none: ['   '] }), { ' g ': ['aws-admins', 'x'], none: [] });
  assert.equal(firstOf({ a: [], b: ['', 'second'], c: ['c'] }, ['missing', 'a', 'c']), 'c');
  assert.equal(firstOf({}, []), undefined);
});

test('the name is the display name, else given + family name, else either one, else none', () => {
  const names = SAML_ATTRIBUTE_PRESETS.okta;
  assert.equal(personName({ displayName: ['Sid C.'], firstName: ['Sid'], lastName: ['Chen'] }, names), 'Sid C.');
  assert.equal(personName({ firstName: ['Sid'], lastName: ['Chen'] }, names), 'Sid Chen');
  assert.equal(personName({ lastName: ['Chen'] }, names), 'Chen');
  assert.equal(personName({ firstName: ['Sid'] }, names), 'Sid');
  assert.equal(personName({ firstName: [], other: ['x'] }, names), undefined);
});

test('Entra groups.link is an overage, also with the leading space of Microsoft\'s own sample', () => {
  assert.throws(() => assertNoGroupsOverage({ [ENTRA_GROUPS_LINK]: ['https://graph.windows.net/t/users/u/getMemberObjects'] }), overage);
  assert.throws(() => assertNoGroupsOverage({ [` ${ENTRA_GROUPS_LINK}`]: [] }), overage);
  assert.doesNotThrow(() => assertNoGroupsOverage({ 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['g'], 'http://schemas.microsoft.com/claims/groups.linked': ['x'] }));
  assert.match(publicMessage('SAML_GROUPS_OVERAGE'), /too many groups/);
});

const conn = (over: Partial<SamlConnectionConfig>): SamlConnectionConfig => ({
  id: 'c', name: 'C', preset: 'okta', metadataXml: 'x'.repeat(100), allowIdpInitiated: false, clockSkewSeconds: 60,
  DANGEROUSLY_ALLOW_SHA1: false, attributes: {}, groupNames: {}, emailsAuthoritative: true, disabled: false, nameIdPolicy: 'omit', forceAuthn: false, sloEndsCliLogins: false, ...over,
});

test('samlIdentityClaims: padded values become groups, email, name and session-tag values; a blank email falls back to the NameID', () => {
  const c = samlIdentityClaims(conn({ groupNames: { 'aws-admins': 'admins' } }), {
    issuer: 'i', nameId: 'sid@example.com', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    attributes: { email: ['  \n '], groups: ['\n aws-admins \n', ' ', 'eng '], firstName: [' Sid '], lastName: ['Chen\n'], department: ['  Platform '] },
  });
  assert.deepEqual([c.groups, c.email, c.name, c.extra.department, c.subject], [['admins', 'eng'], 'sid@example.com', 'Sid Chen', 'Platform', 'sid@example.com']);
  assert.equal('email' in c.extra, false, 'a blank value is no value');
});

test('samlIdentityClaims refuses an Entra overage on any preset, before reading anything', () => {
  const a = { issuer: 'i', nameId: 'n', attributes: { [ENTRA_GROUPS_LINK]: ['https://graph.microsoft.com/v1.0/users/u/getMemberObjects'], groups: ['partial'] } };
  for (const preset of ['entra', 'generic', 'okta'] as const) {
    assert.throws(() => samlIdentityClaims(conn({ preset, attributes: preset === 'generic' ? { groups: ['groups'] } : {} }), a), overage, preset);
  }
  assert.throws(() => samlIdentityClaims(conn({ preset: 'entra' }), { ...a, nameId: '' }), (e: unknown) => e instanceof GatewayError && e.code === 'SAML_NAMEID_INVALID', 'the NameID is checked first');
});

test('every preset names something to read, except generic, which must be configured', () => {
  for (const [preset, names] of Object.entries(SAML_ATTRIBUTE_PRESETS)) {
    const count = names.groups.length + names.email.length;
    assert.equal(count === 0, preset === 'generic', preset);
  }
});
