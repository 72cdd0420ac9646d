import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { SignedXml } from 'xml-crypto';
import { ALG } from './algorithms';
import { importCert } from './metadata';
import { signedView } from './signed-view';
import { checkStructure } from './structure';
import { createTestIdp, freshCert, type TestIdp } from './testing/test-idp';
import { refusal } from './testing/checks';
import { Trace } from './trace';
import { keysFor, verifySignatures, type VerifyKey } from './verify-signatures';
import { attr, parseXml } from './xml';

const SP = { spEntityId: 'https://rolegate.test/saml/sp', acsUrl: 'https://rolegate.test/api/saml/acs' };
const body = (pem: string): string => pem.replace(/-----[^-]+-----|\s/g, '');
const keyOf = (pem: string): VerifyKey => ({ body: body(pem), key: importCert(body(pem)).key });

/** The code `fn` refuses with (the test fails if it passes). */
const codeOf = async (fn: () => unknown): Promise<string> => (await refusal(() => fn())).code;

/** Parses `xml` and verifies its signatures with `keys`: the canonical XML per signed element. */
function verify(xml: string, keys: VerifyKey[]) {
  const shape = checkStructure(parseXml(xml), new Trace());
  return { shape, signed: verifySignatures(xml, shape.signatures, keys, new Trace()) };
}

describe('verifySignatures (xml-crypto SignedXml, metadata keys only)', async () => {
  let adfs: TestIdp;
  let okta: TestIdp;
  let other: VerifyKey;
  before(async () => {
    [adfs, okta] = await Promise.all([createTestIdp('adfs'), createTestIdp('okta')]);
    other = keyOf((await freshCert('someone else')).certPem);
  });

  it('returns the canonical XML each signature covers, keyed by the signed element', async () => {
    const xml = await adfs.issue(SP);
    const { shape, signed } = verify(xml, [keyOf(adfs.cert.certPem)]);
    assert.equal(signed.size, 1);
    const canonical = signed.get(shape.assertion as Element) as string;
    assert.match(canonical, /^<Assertion /);
    assert.equal(attr(parseXml(canonical).documentElement as Element, 'ID'), attr(shape.assertion as Element, 'ID'));
    assert.doesNotMatch(canonical, /SignatureValue/, 'the enveloped transform removed the signature itself');
  });

  it('verifies a Response and an Assertion signature, each with a metadata key', async () => {
    const { shape, signed } = verify(await okta.issue(SP), [keyOf(okta.cert.certPem)]);
    assert.deepEqual([...signed.keys()].sort((a) => (a === shape.response ? -1 : 1)), [shape.response, shape.assertion]);
  });

  it('accepts any metadata key (rotation), whichever order the metadata lists them in', async () => {
    const xml = await adfs.issue(SP);
    for (const keys of [[other, keyOf(adfs.cert.certPem)], [keyOf(adfs.cert.certPem), other]]) {
      assert.equal(verify(xml, keys).signed.size, 1);
    }
  });

  it('refuses a signature no metadata key verifies, whatever certificate its KeyInfo carries', async () => {
    const xml = await adfs.issue(SP);
    assert.equal(await codeOf(() => verify(xml, [other])), 'SAML_SIGNATURE_INVALID');
    assert.equal(await codeOf(() => verify(xml, [])), 'SAML_SIGNATURE_INVALID');
  });

  it('refuses signed content changed after signing, and a changed SignatureValue', async () => {
    const xml = await adfs.issue(SP, { user: { nameId: 'alice@example.com' } });
    const keys = [keyOf(adfs.cert.certPem)];
    assert.equal(await codeOf(() => verify(xml.replace('alice@example.com', 'admin@example.com'), keys)), 'SAML_SIGNATURE_INVALID');
    const value = /<ds:SignatureValue>([^<]{8})/.exec(xml)?.[1] as string;
    const flipped = value.startsWith('A') ? `B${value.slice(1)}` : `A${value.slice(1)}`;
    assert.equal(await codeOf(() => verify(xml.replace(`<ds:SignatureValue>${value}`, `<ds:SignatureValue>${flipped}`), keys)), 'SAML_SIGNATURE_INVALID');
  });

  it('refuses when one of two signatures fails, even if the other verifies', async () => {
    const xml = await okta.issue(SP);
    const values = [...xml.matchAll(/<ds:SignatureValue>([^<]{8})/g)].map((m) => m[1] as string);
    assert.equal(values.length, 2);
    for (const value of values) {
      const broken = xml.replace(`<ds:SignatureValue>${value}`, `<ds:SignatureValue>${value.startsWith('A') ? 'B' : 'A'}${value.slice(1)}`);
      assert.equal(await codeOf(() => verify(broken, [keyOf(okta.cert.certPem)])), 'SAML_SIGNATURE_INVALID');
    }
  });

  it('records the pass in the trace', async () => {
    const xml = await adfs.issue(SP);
    const shape = checkStructure(parseXml(xml), new Trace());
    const trace = new Trace();
    verifySignatures(xml, shape.signatures, [keyOf(adfs.cert.certPem)], trace);
    assert.deepEqual(trace.entries, [{ check: 'signature', ok: true, detail: '1 signature(s), xml-crypto SignedXml with the metadata key' }]);
  });

  it('the signed view reads the signed assertion, and the signed Response when there is one', async () => {
    const a = verify(await adfs.issue(SP), [keyOf(adfs.cert.certPem)]);
    const viewA = signedView(a.shape, a.signed, new Trace());
    assert.equal(viewA.response, a.shape.response, 'an unsigned Response is the received one');
    assert.notEqual(viewA.assertion, a.shape.assertion);
    const o = verify(await okta.issue(SP), [keyOf(okta.cert.certPem)]);
    const viewO = signedView(o.shape, o.signed, new Trace());
    assert.notEqual(viewO.response, o.shape.response);
    assert.equal(attr(viewO.response, 'ID'), attr(o.shape.response, 'ID'));
  });
});

describe('verifySignatures: what a signature must cover, and which key is tried first', () => {
  let adfs: TestIdp;
  let other: VerifyKey;
  before(async () => {
    adfs = await createTestIdp('adfs');
    other = keyOf((await freshCert('someone else')).certPem);
  });

  it('without a KeyInfo certificate, tries every metadata key in order until one verifies', async () => {
    const xml = (await adfs.issue(SP)).replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/, '');
    assert.doesNotMatch(xml, /KeyInfo/);
    assert.equal(verify(xml, [other, other, keyOf(adfs.cert.certPem)]).signed.size, 1);
  });

  it('orders the key the KeyInfo names first, the others after it in metadata order', async () => {
    const xml = await adfs.issue(SP);
    const signature = parseXml(xml).getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0] as Element;
    const mine = keyOf(adfs.cert.certPem);
    const third = keyOf((await freshCert('third')).certPem);
    assert.deepEqual(keysFor(signature, [other, mine, third]), [mine, other, third]);
    const bare = parseXml(xml.replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/, '')).getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0] as Element;
    assert.deepEqual(keysFor(bare, [other, mine, third]), [other, mine, third]);
    // Real IdPs wrap the base64 at 64 or 76 characters: the KeyInfo certificate still names the key.
    const wrapped = xml.replace(/(<ds:X509Certificate>)([^<]+)/, (_m, open: string, b64: string) => `${open}\n  ${b64.replace(/(.{64})/g, '$1\n  ')}\n`);
    assert.notEqual(wrapped, xml);
    const pretty = parseXml(wrapped).getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0] as Element;
    assert.deepEqual(keysFor(pretty, [other, mine, third]), [mine, other, third]);
  });

  it('refuses a signature over two references, even though it verifies', async () => {
    const doc = '<root><a ID="_one">1</a><b ID="_two">2</b></root>';
    const sx = new SignedXml({ privateKey: adfs.cert.privateKeyPem, canonicalizationAlgorithm: ALG.excC14n, signatureAlgorithm: ALG.rsaSha256 });
    for (const id of ['_one', '_two']) sx.addReference({ xpath: `//*[@ID='${id}']`, digestAlgorithm: ALG.sha256, transforms: [ALG.enveloped, ALG.excC14n] });
    sx.computeSignature(doc);
    const xml = sx.getSignedXml();
    const signature = parseXml(xml).getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0] as Element;
    const { code, trace } = await refusal((t) => verifySignatures(xml, [signature], [keyOf(adfs.cert.certPem)], t));
    assert.equal(code, 'SAML_SIGNATURE_INVALID');
    assert.deepEqual(trace.at(-1), { check: 'signature', ok: false, detail: 'signature does not verify with a metadata certificate' });
  });
});
