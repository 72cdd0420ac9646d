import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { serverForSuite } from '../suite-server';
import { SHAPE_IDS } from './shapes';
import { elements, startTestIdp, TEST_SP, text, verifiedSignatures } from './testkit';

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const decode = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');

describe('SAML IdP: issueResponse (no browser)', () => {
  const idp = serverForSuite(startTestIdp);

  it('signs what each product signs by default', async () => {
    const expected = { adfs: ['Assertion'], okta: ['Response', 'Assertion'], entra: ['Assertion'], shibboleth: ['Response'] };
    for (const shape of SHAPE_IDS) {
      const xml = decode(await idp().issueResponse({ shape, user: 'sam@example.com', sp: TEST_SP.entityId, inResponseTo: '_r1' }));
      assert.deepEqual(verifiedSignatures(xml, idp().shapes[shape].certPem), expected[shape], shape);
      assert.match(xml, /xml-exc-c14n#/);
      assert.match(xml, /xmlenc#sha256/);
    }
  });

  it('signResponse / signAssertion choose the signatures; both false gives an unsigned response', async () => {
    const cases = [[true, true, ['Response', 'Assertion']], [true, false, ['Response']], [false, true, ['Assertion']], [false, false, []]] as const;
    for (const [signResponse, signAssertion, signed] of cases) {
      const b64 = await idp().issueResponse({ shape: 'okta', user: 'sid@example.com', sp: TEST_SP.entityId, signResponse, signAssertion });
      assert.deepEqual(verifiedSignatures(decode(b64), idp().shapes.okta.certPem), [...signed]);
    }
  });

  it('applies mutate before signing, so tweaked content still carries valid signatures', async () => {
    const b64 = await idp().issueResponse({
      shape: 'adfs', user: 'sam@example.com', sp: TEST_SP.entityId,
      mutate: (doc) => {
        const audience = doc.getElementsByTagNameNS(ASSERTION_NS, 'Audience')[0];
        if (audience) audience.textContent = 'https://someone-else.example/sp';
        const nameId = doc.getElementsByTagNameNS(ASSERTION_NS, 'NameID')[0];
        nameId?.appendChild(doc.createComment('')); // CVE-2017-11427 style comment truncation
        nameId?.appendChild(doc.createTextNode('.evil'));
      },
    });
    const xml = decode(b64);
    assert.deepEqual(verifiedSignatures(xml, idp().shapes.adfs.certPem), ['Assertion']);
    assert.equal(text(xml, 'Audience'), 'https://someone-else.example/sp');
    assert.match(xml, /<NameID [^>]*>EXAMPLE\\sam<!---->\.evil<\/NameID>/);
  });

  it('derives every time from `now`; Okta and Entra backdate NotBefore by 5 minutes', async () => {
    const now = new Date('2030-01-02T03:04:05.000Z');
    for (const [shape, notBefore] of [['adfs', '2030-01-02T03:04:05.000Z'], ['okta', '2030-01-02T02:59:05.000Z']] as const) {
      const xml = decode(await idp().issueResponse({ shape, user: 'sam@example.com', sp: TEST_SP.entityId, now }));
      const [conditions] = elements(xml, 'Conditions');
      assert.equal(conditions?.getAttribute('NotBefore'), notBefore);
      assert.equal(conditions?.getAttribute('NotOnOrAfter'), '2030-01-02T03:09:05.000Z');
      assert.equal(elements(xml, 'SubjectConfirmationData')[0]?.getAttribute('NotOnOrAfter'), '2030-01-02T03:09:05.000Z');
      assert.equal(elements(xml, 'AuthnStatement')[0]?.getAttribute('AuthnInstant'), now.toISOString());
    }
  });

  it('gives unique, product-shaped IDs', async () => {
    const idShapes = { adfs: /^_[0-9a-f-]{36}$/, okta: /^id\d{25,}$/, entra: /^_[0-9a-f-]{36}$/, shibboleth: /^_[0-9a-f]{32}$/ };
    for (const shape of SHAPE_IDS) {
      const ids = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const xml = decode(await idp().issueResponse({ shape, user: 'nora@example.com', sp: TEST_SP.entityId, signAssertion: false, signResponse: false }));
        const response = elements(xml, 'Response', 'urn:oasis:names:tc:SAML:2.0:protocol')[0];
        for (const id of [response?.getAttribute('ID'), elements(xml, 'Assertion')[0]?.getAttribute('ID')]) {
          assert.match(id ?? '', idShapes[shape]);
          ids.add(id ?? '');
        }
      }
      assert.equal(ids.size, 6, shape);
    }
  });

  it('issues NameIDs like the products: pairwise per SP, transient on request', async () => {
    const other = { entityId: 'https://other.example/sp', acsUrl: 'https://other.example/acs' };
    const nameId = async (shape: 'entra' | 'shibboleth' | 'adfs', sp: typeof other | string, nameIdFormat?: 'transient' | 'unspecified') => {
      const xml = decode(await idp().issueResponse({ shape, user: 'sam@example.com', sp, nameIdFormat }));
      return { value: text(xml, 'NameID'), format: elements(xml, 'NameID')[0]?.getAttribute('Format'), xml };
    };
    const entra = await nameId('entra', TEST_SP.entityId);
    assert.match(entra.value ?? '', /^[\w-]{43}$/);
    assert.equal(entra.value, (await nameId('entra', TEST_SP.entityId)).value);
    assert.notEqual(entra.value, (await nameId('entra', other)).value);
    const shib = await nameId('shibboleth', other);
    assert.match(shib.xml, new RegExp(`SPNameQualifier="${other.entityId}"`));
    assert.equal(text(shib.xml, 'Audience'), other.entityId);
    assert.equal(elements(shib.xml, 'SubjectConfirmationData')[0]?.getAttribute('Recipient'), other.acsUrl);
    const transient = await nameId('shibboleth', TEST_SP.entityId, 'transient');
    assert.match(transient.format ?? '', /transient$/);
    assert.notEqual(transient.value, (await nameId('shibboleth', TEST_SP.entityId, 'transient')).value);
    assert.deepEqual(await nameId('adfs', TEST_SP.entityId, 'unspecified').then((n) => [n.value, n.format]),
      ['sam@example.com', 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified']);
  });

  it('rejects an unknown user, an unregistered SP id and a shape that is not running', async () => {
    await assert.rejects(idp().issueResponse({ shape: 'okta', user: 'mallory@example.com', sp: TEST_SP.entityId }), /no demo user/);
    await assert.rejects(idp().issueResponse({ shape: 'okta', user: 'sam@example.com', sp: 'https://unknown.example' }), /not registered/);
    const okta = await startTestIdp({ shapes: ['okta'] });
    try {
      const run = okta.issueResponse as (o: { shape: string; user: string; sp: string }) => Promise<string>;
      await assert.rejects(run({ shape: 'adfs', user: 'sam@example.com', sp: TEST_SP.entityId }), /not running/);
    } finally {
      await okta.close();
    }
  });
});
