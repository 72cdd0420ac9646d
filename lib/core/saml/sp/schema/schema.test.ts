import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseXml } from '../xml';
import { createTestIdp, type TestIdp } from '../testing/test-idp';
import { SHAPES } from '../testing/shapes';
import { SchemaViolation, validateResponseSchema } from './index';

const SP = { spEntityId: 'https://sp.test/saml', acsUrl: 'https://sp.test/acs' };

function violation(xml: string): string {
  try {
    validateResponseSchema(parseXml(xml));
  } catch (e) {
    assert.ok(e instanceof SchemaViolation, String(e));
    return e.message;
  }
  return assert.fail('schema-valid');
}

describe('SAML schema subset', () => {
  let idp: TestIdp;
  let signed: string;
  before(async () => {
    idp = await createTestIdp('adfs');
    signed = await idp.issue(SP, { inResponseTo: '_r' });
  });

  it('accepts every IdP shape the tests imitate (plaintext before encryption)', async () => {
    for (const shape of Object.keys(SHAPES) as Array<keyof typeof SHAPES>) {
      const xml = await (await createTestIdp(shape, idp.cert)).issue(SP, { inResponseTo: '_r', style: { encrypt: undefined } });
      validateResponseSchema(parseXml(xml));
    }
  });

  it('refuses elements out of order', () => {
    const moved = signed.replace(/(<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">[^<]*<\/Issuer>)(<samlp:Status>.*?<\/samlp:Status>)/, '$2$1');
    assert.notEqual(moved, signed);
    assert.match(violation(moved), /unexpected element .*Issuer/);
  });

  it('refuses a missing required attribute and a wrong Version', () => {
    assert.match(violation(signed.replace(/ IssueInstant="[^"]*"/, '')), /IssueInstant is required/);
    assert.match(violation(signed.replace('Version="2.0"', 'Version="1.1"')), /Version is not a valid version/);
  });

  it('refuses dateTimes that are not UTC "Z" (saml-core §1.3.3)', () => {
    const local = signed.replace(/NotOnOrAfter="([^"]*)Z"/, 'NotOnOrAfter="$1+02:00"');
    assert.match(violation(local), /NotOnOrAfter is not a valid dateTime/);
  });

  it('refuses text in element-only content and unknown attributes', () => {
    assert.match(violation(signed.replace('<samlp:Status>', '<samlp:Status>hello')), /text is not allowed/);
    assert.match(violation(signed.replace('<samlp:Status>', '<samlp:Status foo="bar">')), /attribute foo not allowed/);
  });

  it('refuses the narrowed extension points: Advice, ds:Object, child elements in SubjectConfirmationData', () => {
    assert.match(violation(signed.replace('<AuthnStatement', '<Advice/><AuthnStatement')), /Advice/);
    assert.match(violation(signed.replace('</ds:Signature>', '<ds:Object/></ds:Signature>')), /Object/);
    assert.match(violation(signed.replace(/(<SubjectConfirmationData[^>]*)\/>/, '$1><Evil/></SubjectConfirmationData>')), /SubjectConfirmationData/);
  });

  it('refuses a root other than samlp:Response', () => {
    assert.match(violation('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>'), /root element/);
  });
});
