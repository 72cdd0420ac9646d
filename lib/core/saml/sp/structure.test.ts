/**
 * checkStructure on its own (saml-core §3.2.2.2 Status, §5.4.1–5.4.2 signature placement and references;
 * AWS-FACTS §2 XML Signature Wrapping). The signatures here are structural only: these checks run before any
 * cryptography, and samlify refuses several of the same inputs later, so each rule needs its own test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkStatus, checkStructure } from './structure';
import { newId } from './testing/build';
import { parsed, passing, refusal, responseText } from './testing/checks';
import { NS, parseXml } from './xml';

const DS = `xmlns:ds="${NS.ds}"`;
const signature = (uris: string[]): string =>
  `<ds:Signature ${DS}><ds:SignedInfo>${uris.map((u) => `<ds:Reference URI="${u}"/>`).join('')}</ds:SignedInfo></ds:Signature>`;

/** An ADFS-shaped response whose assertion carries `sig(assertionId)` after its Issuer. */
function signedAssertion(sig: (assertionId: string) => string = (id) => signature([`#${id}`]), fields = {}): { xml: string; id: string } {
  const id = newId();
  const xml = responseText({ assertionId: id, ...fields }).replace(/(<Assertion [^>]*><Issuer>[^<]*<\/Issuer>)/, `$1${sig(id)}`);
  return { xml, id };
}
/** checkStructure as validate-response calls it: the decrypted-assertion rule only when asked for. */
const structureOf = (xml: string, decrypted = false) => (t: Parameters<typeof checkStructure>[1]) =>
  decrypted ? checkStructure(parseXml(xml), t, true) : checkStructure(parseXml(xml), t);
const P = 'samlp';

describe('Status (saml-core §3.2.2.2)', () => {
  it('refuses a top-level status other than Success, naming both codes: SAML_STATUS_NOT_SUCCESS', async () => {
    const xml = responseText({ status: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }).replace(
      '/></samlp:Status>',
      '><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode></samlp:Status>',
    );
    const r = await refusal((t) => checkStatus(parseXml(xml).documentElement, t));
    assert.equal(r.code, 'SAML_STATUS_NOT_SUCCESS');
    assert.deepEqual(r.trace.at(-1), {
      check: 'status',
      ok: false,
      detail: 'urn:oasis:names:tc:SAML:2.0:status:Responder / urn:oasis:names:tc:SAML:2.0:status:AuthnFailed',
    });
  });

  it('refuses a failed top level without a second level, naming it alone: SAML_STATUS_NOT_SUCCESS', async () => {
    const xml = responseText({ status: 'urn:oasis:names:tc:SAML:2.0:status:Requester' });
    const r = await refusal((t) => checkStatus(parseXml(xml).documentElement, t));
    assert.equal(r.code, 'SAML_STATUS_NOT_SUCCESS');
    assert.equal(r.trace.at(-1)?.detail, 'urn:oasis:names:tc:SAML:2.0:status:Requester');
  });

  it('refuses a StatusCode without Value: SAML_STATUS_NOT_SUCCESS', async () => {
    const xml = responseText().replace(/<samlp:StatusCode Value="[^"]*"\/>/, '<samlp:StatusCode/>');
    const r = await refusal((t) => checkStatus(parseXml(xml).documentElement, t));
    assert.equal(r.code, 'SAML_STATUS_NOT_SUCCESS');
    assert.equal(r.trace.at(-1)?.detail, 'none');
  });

  it('refuses a response without Status or StatusCode: SAML_SCHEMA_INVALID', async () => {
    for (const edit of [/<samlp:Status>.*<\/samlp:Status>/, /<samlp:StatusCode [^>]*\/>/]) {
      const xml = responseText().replace(edit, '');
      const r = await refusal((t) => checkStatus(parseXml(xml).documentElement, t));
      assert.equal(r.code, 'SAML_SCHEMA_INVALID');
      assert.deepEqual(r.trace.at(-1), { check: 'status', ok: false, detail: 'no Status/StatusCode' });
    }
  });

  it('passes Success', () => {
    assert.deepEqual(passing((t) => checkStatus(parsed(responseText()).response, t)).trace.entries, [{ check: 'status', ok: true }]);
  });
});

describe('one Response, one assertion, directly in it', () => {
  it('refuses a root other than samlp:Response: SAML_SCHEMA_INVALID', async () => {
    const xml = `<${P}:LogoutResponse xmlns:${P}="${NS.samlp}"/>`;
    const r = await refusal(structureOf(xml));
    assert.equal(r.code, 'SAML_SCHEMA_INVALID');
    assert.deepEqual(r.trace.at(-1), { check: 'root', ok: false, detail: 'root is not samlp:Response' });
  });

  it('refuses a Response nested in the Response: SAML_WRAPPING_DETECTED', async () => {
    const { xml } = signedAssertion();
    const nested = xml.replace('</samlp:Response>', `<samlp:Extensions>${responseText()}</samlp:Extensions></samlp:Response>`);
    const r = await refusal(structureOf(nested));
    assert.equal(r.code, 'SAML_WRAPPING_DETECTED');
    assert.deepEqual(r.trace.at(-1), { check: 'response-count', ok: false, detail: 'nested Response' });
  });

  it('refuses an assertion below the Response level: SAML_WRAPPING_DETECTED', async () => {
    const { xml } = signedAssertion();
    const hidden = xml.replace(/(<Assertion .*<\/Assertion>)/, '<samlp:Extensions>$1</samlp:Extensions>');
    const r = await refusal(structureOf(hidden));
    assert.equal(r.code, 'SAML_WRAPPING_DETECTED');
    assert.deepEqual(r.trace.at(-1), { check: 'assertion-placement', ok: false, detail: 'assertion inside Extensions' });
  });

  it('counts only SAML elements: an Assertion or Signature of another namespace in Extensions is not one', () => {
    const { xml } = signedAssertion();
    const foreign = xml.replace('</samlp:Status>', '</samlp:Status><samlp:Extensions><x:Assertion xmlns:x="urn:x"><x:Signature/></x:Assertion></samlp:Extensions>');
    const { result } = passing(structureOf(foreign));
    assert.equal(result.assertion?.namespaceURI, NS.saml);
    assert.equal(result.signatures.length, 1);
  });

  it('refuses a response without assertion: SAML_ASSERTION_COUNT', async () => {
    const r = await refusal(structureOf(responseText().replace(/<Assertion .*<\/Assertion>/, '')));
    assert.equal(r.code, 'SAML_ASSERTION_COUNT');
    assert.deepEqual(r.trace.at(-1), { check: 'assertion-count', ok: false, detail: '0 assertions' });
  });

  it('refuses an assertion next to an EncryptedAssertion: SAML_ASSERTION_COUNT', async () => {
    const { xml } = signedAssertion();
    const two = xml.replace('</samlp:Response>', `<EncryptedAssertion xmlns="${NS.saml}"/></samlp:Response>`);
    const r = await refusal(structureOf(two));
    assert.equal(r.code, 'SAML_ASSERTION_COUNT');
    assert.equal(r.trace.at(-1)?.detail, '2 assertions');
  });
});

describe('unique IDs (xml-crypto resolves ID, Id and id in any namespace)', () => {
  for (const attr of ['ID', 'Id', 'id', 'wsu:Id']) {
    it(`refuses a second element with the assertion's ID as ${attr}: SAML_WRAPPING_DETECTED`, async () => {
      const { xml, id } = signedAssertion();
      const ns = attr.startsWith('wsu:') ? ' xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"' : '';
      const dup = xml.replace('</samlp:Status>', `</samlp:Status><samlp:Extensions><x:Decoy xmlns:x="urn:x"${ns} ${attr}="${id}"/></samlp:Extensions>`);
      const r = await refusal(structureOf(dup));
      assert.equal(r.code, 'SAML_WRAPPING_DETECTED');
      assert.deepEqual(r.trace.at(-1), { check: 'unique-ids', ok: false, detail: 'duplicate ID' });
    });
  }

  it('ignores other attributes with equal values', () => {
    const { xml, id } = signedAssertion();
    const same = xml.replace('</samlp:Status>', `</samlp:Status><samlp:Extensions><x:Note xmlns:x="urn:x" ref="${id}"/></samlp:Extensions>`);
    assert.ok(passing(structureOf(same)).trace.entries.some((e) => e.check === 'unique-ids' && e.ok));
  });
});

describe('signature placement and references (saml-core §5.4.1–5.4.2)', () => {
  it('accepts a signed assertion and returns the shape', () => {
    const { xml } = signedAssertion();
    const { result, trace } = passing(structureOf(xml));
    assert.equal(result.assertion?.localName, 'Assertion');
    assert.equal(result.encryptedAssertion, undefined);
    assert.equal(result.response.localName, 'Response');
    assert.equal(result.signatures.length, 1);
    assert.deepEqual(trace.entries, [
      { check: 'status', ok: true },
      { check: 'assertion-count', ok: true },
      { check: 'unique-ids', ok: true },
      { check: 'signature-placement', ok: true, detail: '1 signature(s)' },
      { check: 'signature-present', ok: true },
    ]);
  });

  it('accepts a response signed at the Response level only (Google shape)', () => {
    const responseId = newId();
    const xml = responseText({ responseId }).replace('</Issuer>', `</Issuer>${signature([`#${responseId}`])}`);
    assert.equal(passing(structureOf(xml)).result.signatures.length, 1);
  });

  it('refuses an unsigned assertion: SAML_SIGNATURE_MISSING', async () => {
    const r = await refusal(structureOf(responseText()));
    assert.equal(r.code, 'SAML_SIGNATURE_MISSING');
    assert.deepEqual(r.trace.at(-1), { check: 'signature-present', ok: false, detail: 'no signature' });
  });

  it('refuses a Signature inside the Subject: SAML_WRAPPING_DETECTED', async () => {
    const { xml, id } = signedAssertion();
    const moved = xml.replace('<Subject>', `<Subject>${signature([`#${id}`])}`);
    const r = await refusal(structureOf(moved));
    assert.equal(r.code, 'SAML_WRAPPING_DETECTED');
    assert.deepEqual(r.trace.at(-1), { check: 'signature-placement', ok: false, detail: 'Signature inside Subject' });
  });

  it('refuses several References in one signature: SAML_WRAPPING_DETECTED', async () => {
    const { xml } = signedAssertion((id) => signature([`#${id}`, `#${id}`]));
    const r = await refusal(structureOf(xml));
    assert.equal(r.code, 'SAML_WRAPPING_DETECTED');
    assert.deepEqual(r.trace.at(-1), { check: 'signature-reference', ok: false, detail: '2 references' });
  });

  it('refuses a signature without SignedInfo or Reference: SAML_WRAPPING_DETECTED', async () => {
    for (const sig of [`<ds:Signature ${DS}/>`, signature([])]) {
      const { xml } = signedAssertion(() => sig);
      const r = await refusal(structureOf(xml));
      assert.equal(r.code, 'SAML_WRAPPING_DETECTED');
      assert.deepEqual(r.trace.at(-1), { check: 'signature-reference', ok: false, detail: '0 references' });
    }
  });

  it('refuses a reference to another element than the signature parent: SAML_WRAPPING_DETECTED', async () => {
    const { xml } = signedAssertion(() => signature(['#_somewhere_else']));
    const r = await refusal(structureOf(xml));
    assert.equal(r.code, 'SAML_WRAPPING_DETECTED');
    assert.deepEqual(r.trace.at(-1), { check: 'signature-reference', ok: false, detail: 'reference does not point at its Assertion' });
  });

  it('refuses a signature whose parent has no ID, even with an empty reference: SAML_WRAPPING_DETECTED', async () => {
    const { xml } = signedAssertion(() => signature(['#']));
    const r = await refusal(structureOf(xml.replace(/(<Assertion [^>]*)ID="[^"]*"/, '$1')));
    assert.equal(r.code, 'SAML_WRAPPING_DETECTED');
    assert.equal(r.trace.at(-1)?.check, 'signature-reference');
  });
});

describe('encrypted assertions', () => {
  const encrypted = (): string => responseText().replace(/<Assertion .*<\/Assertion>/, `<EncryptedAssertion xmlns="${NS.saml}"/>`);

  it('passes an unsigned EncryptedAssertion to decryption (its plaintext must be signed)', () => {
    const { result, trace } = passing(structureOf(encrypted()));
    assert.equal(result.assertion, undefined);
    assert.equal(result.encryptedAssertion?.localName, 'EncryptedAssertion');
    assert.equal(trace.entries.at(-1)?.check, 'signature-present');
  });

  it('refuses a decrypted assertion that only the Response signed: SAML_SIGNATURE_MISSING', async () => {
    const responseId = newId();
    const xml = responseText({ responseId }).replace('</Issuer>', `</Issuer>${signature([`#${responseId}`])}`);
    const r = await refusal(structureOf(xml, true));
    assert.equal(r.code, 'SAML_SIGNATURE_MISSING');
    assert.deepEqual(r.trace.at(-1), { check: 'signature-present', ok: false, detail: 'decrypted assertion is not signed' });
  });

  it('accepts a decrypted assertion with its own signature, also beside a Response signature', () => {
    const { xml } = signedAssertion();
    assert.equal(passing(structureOf(xml, true)).result.signatures.length, 1);
    const responseId = newId();
    const both = signedAssertion(undefined, { responseId }).xml.replace('</Issuer>', `</Issuer>${signature([`#${responseId}`])}`);
    assert.equal(passing(structureOf(both, true)).result.signatures.length, 2);
  });
});
