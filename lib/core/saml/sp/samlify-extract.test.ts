import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as samlify from 'samlify';
import { runEngine } from './engine';
import { DECIDING_KEYS, setExtractTrim, trimmedExtractions } from './samlify-extract';
import { withEngineRun } from './engine-run';
import { ensureSamlifyHooks } from './samlify-hooks';
import { createTestIdp, type IssueOptions, type TestIdp } from './testing/test-idp';
import { SHAPES, type IdpShape } from './testing/shapes';
import { Trace } from './trace';
import { parseXml } from './xml';

/* eslint-disable @typescript-eslint/no-require-imports -- samlify's extractor is not re-exported by its index. */
const extractor = require('samlify/build/src/extractor') as {
  extract: (xml: string, fields: unknown[]) => Record<string, unknown>;
  loginResponseFields: (assertion: string) => Array<{ key: string }>;
};

const SP = { spEntityId: 'https://rolegate.test/saml/sp', acsUrl: 'https://rolegate.test/api/saml/acs' };
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const HOUR = 3_600_000;

/** Signed responses samlify accepts and rejects for every reason it decides on, plus odd attribute content. */
async function corpus(): Promise<Array<{ name: string; idp: TestIdp; xml: string }>> {
  const out: Array<{ name: string; idp: TestIdp; xml: string }> = [];
  const add = async (name: string, idp: TestIdp, o: IssueOptions): Promise<void> => {
    out.push({ name, idp, xml: await idp.issue({ ...SP, encryptionCert: idp.cert }, { inResponseTo: '_r', ...o }) });
  };
  for (const shape of Object.keys(SHAPES) as IdpShape[]) {
    const idp = await createTestIdp(shape);
    await add(shape, idp, { style: { encrypt: undefined }, user: { nameId: 'a@example.com', attributes: { g: ['x', 'y'], e: ['a@example.com'] } } });
  }
  const idp = await createTestIdp('adfs');
  const user = (attributes: Record<string, string[]>) => ({ user: { nameId: 'n@example.com', attributes } });
  await add('many attributes', idp, user(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`urn:claim:${i}`, [`v${i}`, `w${i}`]]))));
  await add('escaped values', idp, user({ 'a<&">b': ['<x>', '&amp;', '"q"', "'", '\r\n', 'é ü 中', ''] }));
  await add('other issuer', idp, { fields: { idpEntityId: 'https://other.idp.test' } });
  await add('expired', idp, { now: new Date(Date.now() - 2 * HOUR) });
  await add('not yet valid', idp, { now: new Date(Date.now() + 2 * HOUR) });
  const mutate = (name: string, f: (a: string) => string) => add(name, idp, { ...user({ g: ['v'] }), mutateAssertion: f });
  await mutate('session ended', (a) => a.replace('<AuthnStatement ', `<AuthnStatement SessionNotOnOrAfter="${new Date(Date.now() - HOUR).toISOString()}" `));
  await mutate('comment in Issuer', (a) => a.replace('</Issuer>', '<!---->.evil</Issuer>'));
  await mutate('CDATA and comment in values', (a) => a.replace('<AttributeValue>v', '<AttributeValue><![CDATA[<c>]]><!--x-->v'));
  await mutate('markup in values', (a) => a.replace('<AttributeValue>v', '<AttributeValue><b xmlns="urn:b" xmlns:p="urn:p" p:q="1">in</b>v'));
  await mutate('typed values', (a) => a.replace('<AttributeValue>', '<AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">'));
  await mutate('char refs', (a) => a.replace('<AttributeValue>v', '<AttributeValue>&#13;&#x9;v').replace('<Conditions ', '<Conditions xml:lang="a&#10;b" '));
  const signed = out[out.length - 1] as { idp: TestIdp; xml: string };
  out.push({ name: 'tampered', idp, xml: signed.xml.replace('n@example.com', 'm@example.com') });
  return out;
}

async function outcome(idp: TestIdp, xml: string): Promise<string> {
  const sp = samlify.ServiceProvider({ entityID: SP.spEntityId, assertionConsumerService: [{ Binding: POST, Location: SP.acsUrl }], wantAssertionsSigned: true, isAssertionEncrypted: false, clockDrifts: [-60_000, 60_000] });
  const samlIdp = samlify.IdentityProvider({ metadata: idp.metadataXml });
  try {
    await runEngine({ sp, idp: samlIdp, xml, doc: parseXml(xml), timeCode: () => 'SAML_EXPIRED' }, new Trace());
    return 'accepted';
  } catch (e) {
    return `rejected: ${e instanceof Error ? e.message : String(e)}`;
  }
}

describe("samlify's login-response extraction cut to the fields it decides on", () => {
  before(() => assert.equal(ensureSamlifyHooks().extractTrim, true, 'samlify 2.13.1: installed'));

  it('makes exactly the decisions of the full extraction, on every response of the corpus', async () => {
    const seen = new Set<string>();
    for (const { name, idp, xml } of await corpus()) {
      setExtractTrim(false);
      const full = await outcome(idp, xml);
      setExtractTrim(true);
      const before = trimmedExtractions();
      const trimmed = await outcome(idp, xml);
      assert.equal(trimmed, full, name);
      seen.add(full.replace(/:.*/, ''));
      if (trimmed === 'accepted') assert.equal(trimmedExtractions() - before, 1, `${name}: trimmed once`);
    }
    assert.deepEqual([...seen].sort(), ['accepted', 'rejected'], 'the corpus has both outcomes');
  });

  it('extracts the deciding fields with the values of the full extraction', async () => {
    const idp = await createTestIdp('okta');
    const xml = await idp.issue(SP, { inResponseTo: '_r', user: { nameId: 'v@example.com', attributes: { g: ['1'] } } });
    const assertion = xml.slice(xml.indexOf('<saml2:Assertion'), xml.indexOf('</saml2:Assertion>') + 18);
    const fields = extractor.loginResponseFields(assertion);
    const full = extractor.extract(xml, fields);
    assert.deepEqual(Object.keys(full), fields.map((f) => f.key), 'outside our run: the full extraction');
    const cut = await withEngineRun(xml, parseXml(xml), async () => extractor.extract(xml, fields));
    assert.deepEqual(Object.keys(cut), [...DECIDING_KEYS]);
    for (const key of DECIDING_KEYS) assert.deepEqual(cut[key], full[key], key);
    const other = [fields[3] as { key: string }];
    const same = await withEngineRun(xml, parseXml(xml), async () => extractor.extract(xml, other));
    assert.deepEqual(same, extractor.extract(xml, other), 'another field list: untouched');
  });

  it('reads conditions and sessionIndex exactly as samlify does through its serialize-and-parse round trip', async () => {
    const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
    const assertions = [
      `<Assertion xmlns="${A}"><Conditions NotBefore="2026-01-01T00:00:00Z" NotOnOrAfter="2026-01-01T00:05:00Z"/><AuthnStatement AuthnInstant="t" SessionIndex="s" SessionNotOnOrAfter="u"/></Assertion>`,
      `<saml2:Assertion xmlns:saml2="${A}"><saml2:Conditions NotOnOrAfter="a&#10;b&#9;c&#13;d" NotBefore="&lt;&gt;&amp;&quot;'é中"><saml2:AudienceRestriction/></saml2:Conditions></saml2:Assertion>`,
      `<Assertion xmlns="${A}"><Conditions xmlns:x="urn:x" x:NotBefore="p" NotBefore="q	r
t" x:y="z"><!--c--><x:Inner NotBefore="no"/></Conditions></Assertion>`,
      `<Assertion xmlns="${A}"><AuthnStatement SessionIndex="1"/><AuthnStatement SessionNotOnOrAfter="2" SessionIndex="3"/><AuthnStatement/></Assertion>`,
      `<Assertion xmlns="${A}"><Subject/></Assertion>`,
      `<p:Assertion xmlns:p="${A}" xmlns="urn:other"><Conditions NotBefore="other namespace, same local name"/></p:Assertion>`,
    ];
    for (const assertion of assertions) {
      const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${assertion}</samlp:Response>`;
      const fields = extractor.loginResponseFields(assertion);
      const full = extractor.extract(xml, fields);
      const cut = await withEngineRun(xml, parseXml(xml), async () => extractor.extract(xml, fields));
      for (const key of ['conditions', 'sessionIndex']) assert.deepEqual(cut[key], full[key], `${key} of ${assertion}`);
    }
  });
});
