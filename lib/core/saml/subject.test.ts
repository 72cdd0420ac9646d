/**
 * Issue 13 §2: a person is the same person at every sign-in. Every subject a connection accepts, and every
 * refusal with its code; the admin hint names attributes, never their values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError, type GatewayErrorCode } from '../errors';
import { NAMEID_FORMATS } from './name-id';
import { samlSubject, subjectOrigin, type SubjectSource } from './subject';

const EPPN = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6';
const AFFILIATION = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.9';
const MAIL = 'urn:oid:0.9.2342.19200300.100.1.3';
// What a Shibboleth IdP releases: ePPN and mail once, affiliation several times.
const SHIB_ATTRIBUTES = { [EPPN]: ['jdoe@example.edu'], [MAIL]: ['jdoe@example.edu'], [AFFILIATION]: ['member', 'staff'] };
const TRANSIENT: SubjectSource = { nameId: 'AAdzZWNyZXQxMW9x7yMBbDd5Rq8RjLX5oUgPSn1p3Ti5', nameIdFormat: NAMEID_FORMATS.transient, attributes: SHIB_ATTRIBUTES };

function refusal(fn: () => unknown): { code: GatewayErrorCode; message: string } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof GatewayError, String(e));
    return { code: e.code, message: e.message };
  }
  assert.fail('accepted');
}

describe('subject from the NameID (no subjectAttribute)', () => {
  it('accepts a persistent, emailAddress, unspecified, absent or other non-transient Format, exactly as signed', () => {
    const formats = [NAMEID_FORMATS.persistent, NAMEID_FORMATS.emailAddress, NAMEID_FORMATS.unspecified, undefined, 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName'];
    for (const nameIdFormat of formats) {
      assert.equal(samlSubject({}, { nameId: 'EXAMPLE\\sam', nameIdFormat, attributes: {} }), 'EXAMPLE\\sam');
    }
  });

  it('refuses a transient NameID with SAML_SUBJECT_TRANSIENT, naming the single-valued attributes that arrived', () => {
    const r = refusal(() => samlSubject({}, TRANSIENT));
    assert.equal(r.code, 'SAML_SUBJECT_TRANSIENT');
    assert.match(r.message, /transient NameIDs .*set subjectAttribute/);
    assert.match(r.message, new RegExp(`single-valued attributes it sent: ${EPPN}, ${MAIL}$`));
    assert.ok(!r.message.includes(AFFILIATION), 'a multi-valued attribute is no candidate');
    assert.ok(!r.message.includes('jdoe'), 'no values');
  });

  it('says to release an attribute when a transient NameID came with no usable one', () => {
    const r = refusal(() => samlSubject({}, { ...TRANSIENT, attributes: { [AFFILIATION]: ['member', 'staff'], blank: [' '] } }));
    assert.equal(r.code, 'SAML_SUBJECT_TRANSIENT');
    assert.match(r.message, /it sent no single-valued attribute: ask the IdP administrator to release one/);
  });

  it('refuses an empty or oversized NameID, and one in the attribute namespace, with SAML_NAMEID_INVALID', () => {
    for (const nameId of ['', 'x'.repeat(257), 'attr:urn:oid:1.3.6.1.4.1.5923.1.1.1.6=jdoe@example.edu']) {
      assert.equal(refusal(() => samlSubject({}, { nameId, nameIdFormat: NAMEID_FORMATS.persistent, attributes: {} })).code, 'SAML_NAMEID_INVALID');
    }
    assert.equal(samlSubject({}, { nameId: 'x'.repeat(256), attributes: {} }).length, 256);
  });
});

describe('subject from an attribute (subjectAttribute)', () => {
  const conn = { subjectAttribute: EPPN };

  it('is the namespaced single value, whatever the NameID (transient ones included)', () => {
    assert.equal(samlSubject(conn, TRANSIENT), `attr:${EPPN}=jdoe@example.edu`);
    assert.equal(samlSubject(conn, { ...TRANSIENT, nameId: 'another-one-time-id' }), samlSubject(conn, TRANSIENT), 'same person at the next sign-in');
    assert.equal(samlSubject({ subjectAttribute: 'objectGUID' }, { nameId: 'n', attributes: { objectGUID: ['6f1e0a52-3c4d-4b1a-9e2f-0123456789ab'] } }), 'attr:objectGUID=6f1e0a52-3c4d-4b1a-9e2f-0123456789ab');
  });

  it('never equals a NameID subject of the same text, nor another attribute’s', () => {
    const asNameId = samlSubject({}, { nameId: 'jdoe@example.edu', nameIdFormat: NAMEID_FORMATS.emailAddress, attributes: {} });
    assert.notEqual(samlSubject({ subjectAttribute: MAIL }, TRANSIENT), asNameId);
    assert.notEqual(samlSubject({ subjectAttribute: MAIL }, TRANSIENT), samlSubject(conn, TRANSIENT));
  });

  it('takes the value without the whitespace pretty-printed XML puts around it', () => {
    assert.equal(samlSubject(conn, { ...TRANSIENT, attributes: { [EPPN]: ['\n        jdoe@example.edu\n      '] } }), `attr:${EPPN}=jdoe@example.edu`);
  });

  it('refuses a missing, empty, multi-valued, oversized or control-character value with SAML_SUBJECT_ATTRIBUTE_INVALID', () => {
    const cases: Array<[Record<string, string[]>, RegExp]> = [
      [{ [MAIL]: ['jdoe@example.edu'] }, /did not arrive/],
      [{ [EPPN]: [] }, /did not arrive/],
      [{ [EPPN]: ['  \n '] }, /arrived empty/],
      [{ [EPPN]: ['jdoe@example.edu', 'jdoe@example.edu'] }, /arrived with 2 values/],
      [{ [EPPN]: ['jdoe@example.edu', 'mallory@example.edu'] }, /arrived with 2 values/],
      [{ [EPPN]: ['x'.repeat(257)] }, /over 256 characters or holds control characters/],
      [{ [EPPN]: ['jdoe\u0000@example.edu'] }, /over 256 characters or holds control characters/],
    ];
    for (const [attributes, why] of cases) {
      const r = refusal(() => samlSubject(conn, { ...TRANSIENT, attributes }));
      assert.equal(r.code, 'SAML_SUBJECT_ATTRIBUTE_INVALID');
      assert.match(r.message, why);
      assert.ok(!r.message.includes('jdoe') && !r.message.includes('mallory'), 'no values');
    }
    const hint = refusal(() => samlSubject(conn, { ...TRANSIENT, attributes: { [EPPN]: ['a', 'b'], [MAIL]: ['jdoe@example.edu'] } })).message;
    assert.match(hint, new RegExp(`single-valued attributes it sent: ${MAIL}$`), 'the configured attribute is not suggested again');
  });
});

it('diagnostics name where the subject came from', () => {
  assert.equal(subjectOrigin({}, NAMEID_FORMATS.persistent), `NameID (${NAMEID_FORMATS.persistent})`);
  assert.equal(subjectOrigin({}, undefined), 'NameID');
  assert.equal(subjectOrigin({ subjectAttribute: EPPN }, NAMEID_FORMATS.transient), `attribute ${EPPN}`);
});
