import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signedView } from './signed-view';
import type { ResponseShape } from './structure';
import { refusal } from './testing/checks';
import { Trace } from './trace';
import { parseXml } from './xml';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const assertionXml = (id: string, name = 'bob') => `<saml:Assertion xmlns:saml="${A}" ID="${id}"><saml:Subject><saml:NameID>${name}</saml:NameID></saml:Subject></saml:Assertion>`;
const responseXml = (id: string, inner: string) => `<samlp:Response xmlns:samlp="${P}" ID="${id}">${inner}</samlp:Response>`;

/** A received response `_r` holding assertion `_a` (signatures are not needed: the map says what is signed). */
function shape(): ResponseShape {
  const response = parseXml(responseXml('_r', assertionXml('_a', 'received'))).documentElement as Element;
  return { response, assertion: response.firstChild as Element, signatures: [] };
}

/** The code `fn` refuses with (the test fails if it passes). */
const codeOf = async (fn: () => unknown): Promise<string> => (await refusal(() => fn())).code;

const nameOf = (assertion: Element): string => assertion.getElementsByTagNameNS(A, 'NameID')[0]?.textContent ?? '';

describe('signedView: only what the signatures cover', async () => {
  it('reads the assertion from its own signed reference, never from the received document', async () => {
    const s = shape();
    const trace = new Trace();
    const view = signedView(s, new Map([[s.assertion as Element, assertionXml('_a', 'signed')]]), trace);
    assert.equal(nameOf(view.assertion), 'signed');
    assert.deepEqual(trace.entries, [{ check: 'signed-view', ok: true, detail: 'signed assertion' }]);
    assert.equal(view.response, s.response);
  });

  it('reads the assertion inside a signed Response when only the Response is signed', async () => {
    const s = shape();
    const trace = new Trace();
    const view = signedView(s, new Map([[s.response, responseXml('_r', assertionXml('_a', 'in-signed-response'))]]), trace);
    assert.equal(nameOf(view.assertion), 'in-signed-response');
    assert.deepEqual(trace.entries, [{ check: 'signed-view', ok: true, detail: 'signed response' }]);
    assert.notEqual(view.response, s.response);
  });

  it('prefers the assertion\'s own reference when both are signed', async () => {
    const s = shape();
    const signed = new Map([
      [s.response, responseXml('_r', assertionXml('_a', 'via-response'))],
      [s.assertion as Element, assertionXml('_a', 'own')],
    ]);
    assert.equal(nameOf(signedView(s, signed, new Trace()).assertion), 'own');
  });

  it('refuses a reference that is not the element the signature sits on', async () => {
    const s = shape();
    const cases: Array<[Element, string]> = [
      [s.assertion as Element, assertionXml('_other')],
      [s.assertion as Element, responseXml('_a', '')],
      [s.assertion as Element, `<x:Assertion xmlns:x="urn:evil" ID="_a"/>`],
      [s.assertion as Element, 'not xml <'],
      [s.response, responseXml('_other', assertionXml('_a'))],
      [s.response, assertionXml('_r')],
    ];
    for (const [el, xml] of cases) {
      const { code, trace } = await refusal((t) => signedView(s, new Map([[el, xml]]), t));
      assert.equal(code, 'SAML_WRAPPING_DETECTED', xml);
      const local = el === s.response ? 'Response' : 'Assertion';
      assert.deepEqual(trace.at(-1), { check: 'signed-view', ok: false, detail: `the signed reference is not the ${local} the signature is placed on` });
    }
  });

  it('refuses when no signature covers the assertion', async () => {
    const s = shape();
    const { code, trace } = await refusal((t) => signedView(s, new Map(), t));
    assert.equal(code, 'SAML_SIGNATURE_MISSING');
    assert.deepEqual(trace.at(-1), { check: 'signed-view', ok: false, detail: 'no signature covers the assertion' });
    const other = responseXml('_r', assertionXml('_b'));
    assert.equal(await codeOf(() => signedView(s, new Map([[s.response, other]]), new Trace())), 'SAML_SIGNATURE_MISSING', 'the signed Response holds another assertion');
    const two = responseXml('_r', assertionXml('_a') + assertionXml('_a'));
    assert.equal(await codeOf(() => signedView(s, new Map([[s.response, two]]), new Trace())), 'SAML_SIGNATURE_MISSING', 'two assertions in the signed Response');
  });

  it('refuses a placed element without an ID', async () => {
    const response = parseXml(responseXml('_r', `<saml:Assertion xmlns:saml="${A}"/>`)).documentElement as Element;
    const s: ResponseShape = { response, assertion: response.firstChild as Element, signatures: [] };
    assert.equal(await codeOf(() => signedView(s, new Map([[s.assertion as Element, `<saml:Assertion xmlns:saml="${A}"/>`]]), new Trace())), 'SAML_WRAPPING_DETECTED');
  });
});
