/**
 * checkIssuer (saml-core §2.2.5, saml-profiles §4.1.4.2) and checkDestination (saml-bindings §3.5.5.2) on
 * their own: samlify refuses some wrong issuers too, so without these tests deleting our check went unseen.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDestination, checkIssuer } from './assertion-checks';
import { expectations as x, IDP, parsed, passing, refusal, responseText } from './testing/checks';

const ENTITY = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';
/** The assertion's Issuer (the ADFS shape puts it first in the Assertion) replaced by `issuer`. */
const withAssertionIssuer = (issuer: string) =>
  parsed(responseText(), (xml) => xml.replace(/(<Assertion [^>]*>)<Issuer>[^<]*<\/Issuer>/, `$1${issuer}`));
const RESPONSE_ISSUER = `<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">${IDP}</Issuer>`;

describe('Issuer (saml-core §2.2.5)', () => {
  it('accepts the IdP entityID on the assertion and the Response and returns it', () => {
    const { response, assertion } = parsed(responseText());
    const { result, trace } = passing((t) => checkIssuer(response, assertion, x, t));
    assert.equal(result, IDP);
    assert.deepEqual(trace.entries, [{ check: 'issuer', ok: true }]);
  });

  it('refuses an assertion issued by another entity, with or without a Response Issuer: SAML_ISSUER_MISMATCH', async () => {
    const evil = 'https://evil.test/idp';
    const alone = parsed(responseText({ idpEntityId: evil }), (xml) => xml.replace(RESPONSE_ISSUER.replace(IDP, evil), ''));
    assert.equal((await refusal((t) => checkIssuer(alone.response, alone.assertion, x, t))).code, 'SAML_ISSUER_MISMATCH');
    const { response, assertion } = parsed(responseText({ idpEntityId: evil }), (xml) => xml.replace(RESPONSE_ISSUER.replace(IDP, evil), RESPONSE_ISSUER));
    const r = await refusal((t) => checkIssuer(response, assertion, x, t));
    assert.equal(r.code, 'SAML_ISSUER_MISMATCH');
    assert.deepEqual(r.trace.at(-1), { check: 'issuer', ok: false, detail: 'Issuer is not the IdP entityID' });
  });

  it('refuses an assertion without Issuer: SAML_ISSUER_MISMATCH', async () => {
    const { response, assertion } = withAssertionIssuer('');
    assert.equal((await refusal((t) => checkIssuer(response, assertion, x, t))).code, 'SAML_ISSUER_MISMATCH');
  });

  it('refuses a Response Issuer that differs from the assertion Issuer: SAML_ISSUER_MISMATCH', async () => {
    const { response, assertion } = parsed(responseText(), (xml) => xml.replace(RESPONSE_ISSUER, RESPONSE_ISSUER.replace(IDP, 'https://evil.test/idp')));
    assert.equal((await refusal((t) => checkIssuer(response, assertion, x, t))).code, 'SAML_ISSUER_MISMATCH');
  });

  it('accepts a Response without Issuer (it is optional on the Response)', () => {
    const { response, assertion } = parsed(responseText(), (xml) => xml.replace(RESPONSE_ISSUER, ''));
    assert.equal(passing((t) => checkIssuer(response, assertion, x, t)).result, IDP);
  });

  it('accepts the entity Format and surrounding whitespace (xs:anyURI collapses it)', () => {
    const { response, assertion } = withAssertionIssuer(`<Issuer Format="${ENTITY}">\n  ${IDP}\n</Issuer>`);
    assert.equal(passing((t) => checkIssuer(response, assertion, x, t)).result, IDP);
  });

  it('refuses an Issuer with another Format (saml-core §8.3.6 requires entity): SAML_ISSUER_MISMATCH', async () => {
    const { response, assertion } = withAssertionIssuer(`<Issuer Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${IDP}</Issuer>`);
    assert.equal((await refusal((t) => checkIssuer(response, assertion, x, t))).code, 'SAML_ISSUER_MISMATCH');
  });
});

describe('Destination (saml-bindings §3.5.5.2)', () => {
  it('accepts our ACS URL', () => {
    assert.deepEqual(passing((t) => checkDestination(parsed(responseText()).response, x, t)).trace.entries, [{ check: 'destination', ok: true }]);
  });

  it('refuses another ACS URL: SAML_DESTINATION_MISMATCH', async () => {
    const { response } = parsed(responseText({ destination: 'https://other-sp.test/acs' }));
    const r = await refusal((t) => checkDestination(response, x, t));
    assert.equal(r.code, 'SAML_DESTINATION_MISMATCH');
    assert.deepEqual(r.trace.at(-1), { check: 'destination', ok: false, detail: 'Destination is not our ACS URL' });
  });

  it('refuses a response without Destination: SAML_DESTINATION_MISMATCH', async () => {
    const { response } = parsed(responseText({ destination: null }));
    assert.equal((await refusal((t) => checkDestination(response, x, t))).code, 'SAML_DESTINATION_MISMATCH');
  });
});
