/**
 * readNameId and readAttributes on their own (saml-core §2.2.3, §2.4.1, §2.7.3): NameID is exactly the
 * signed text, one text run, non-empty, unpadded, without control characters (CVE-2017-11427..11430
 * comment split), and attribute values are full textContent with xsi:nil skipped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAttributes, readNameId } from './identity';
import { parsed, passing, refusal, responseText } from './testing/checks';
import { NS } from './xml';

const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
const withNameId = (inner: string) => parsed(responseText({ nameIdXml: inner })).assertion;

describe('NameID', () => {
  it('returns the NameID text and its Format', () => {
    const { result, trace } = passing((t) => readNameId(withNameId('alice@example.com'), t));
    assert.deepEqual(result, { nameId: 'alice@example.com', nameIdFormat: PERSISTENT, nameQualifier: undefined, spNameQualifier: undefined });
    assert.deepEqual(trace.entries, [{ check: 'nameid', ok: true }]);
  });

  it('returns the NameQualifier and SPNameQualifier as signed (sent back in a LogoutRequest, issue 13 §5)', () => {
    const { assertion } = parsed(responseText(), (x) => x.replace(`<NameID Format="${PERSISTENT}">`, `<NameID Format="${PERSISTENT}" NameQualifier="https://idp" SPNameQualifier="https://sp">`));
    const { result } = passing((t) => readNameId(assertion, t));
    assert.deepEqual([result.nameQualifier, result.spNameQualifier], ['https://idp', 'https://sp']);
  });

  it('accepts a CDATA NameID', () => {
    assert.equal(passing((t) => readNameId(withNameId('<![CDATA[alice@example.com]]>'), t)).result.nameId, 'alice@example.com');
  });

  it('returns no Format when the NameID has none', () => {
    const { assertion } = parsed(responseText(), (x) => x.replace(`<NameID Format="${PERSISTENT}">`, '<NameID>'));
    assert.equal(passing((t) => readNameId(assertion, t)).result.nameIdFormat, undefined);
  });

  const refusals: [string, string, string][] = [
    ['a comment inside it (comment-split NameID)', 'admin@example.com<!---->.evil.test', 'comment inside NameID'],
    ['markup inside it', 'admin@example.com<b>x</b>', 'markup inside NameID'],
    ['an empty NameID', '', 'empty, too long, padded with spaces or control characters'],
    ['surrounding spaces', ' admin@example.com', 'empty, too long, padded with spaces or control characters'],
    ['trailing spaces', 'admin@example.com ', 'empty, too long, padded with spaces or control characters'],
    ['a control character', 'admin@example.com&#x7f;', 'empty, too long, padded with spaces or control characters'],
    ['a tab', 'admin@\texample.com', 'empty, too long, padded with spaces or control characters'],
    ['more than 1024 characters', 'a'.repeat(1025), 'empty, too long, padded with spaces or control characters'],
  ];
  for (const [what, inner, detail] of refusals) {
    it(`refuses ${what}: SAML_NAMEID_INVALID`, async () => {
      const r = await refusal((t) => readNameId(withNameId(inner), t));
      assert.equal(r.code, 'SAML_NAMEID_INVALID');
      assert.deepEqual(r.trace.at(-1), { check: 'nameid', ok: false, detail });
    });
  }

  it('accepts exactly 1024 characters', () => {
    assert.equal(passing((t) => readNameId(withNameId('a'.repeat(1024)), t)).result.nameId.length, 1024);
  });

  it('refuses a Subject without NameID, and names EncryptedID: SAML_NAMEID_INVALID', async () => {
    const none = parsed(responseText(), (x) => x.replace(/<NameID [^>]*>[^<]*<\/NameID>/, '')).assertion;
    assert.deepEqual((await refusal((t) => readNameId(none, t))).trace.at(-1), { check: 'nameid', ok: false, detail: 'no NameID' });
    const enc = parsed(responseText(), (x) => x.replace(/<NameID [^>]*>[^<]*<\/NameID>/, '<EncryptedID/>')).assertion;
    const r = await refusal((t) => readNameId(enc, t));
    assert.equal(r.code, 'SAML_NAMEID_INVALID');
    assert.equal(r.trace.at(-1)?.detail, 'EncryptedID is not supported');
  });

  it('refuses an assertion without Subject: SAML_NAMEID_INVALID', async () => {
    const { assertion } = parsed(responseText(), (x) => x.replace(/<Subject>.*<\/Subject>/, ''));
    const r = await refusal((t) => readNameId(assertion, t));
    assert.equal(r.code, 'SAML_NAMEID_INVALID');
    assert.equal(r.trace.at(-1)?.detail, 'no NameID');
  });
});

describe('attributes (saml-core §2.7.3)', () => {
  it('reads every value of every statement as full textContent, merging repeated names', () => {
    const { assertion } = parsed(responseText({ attributes: { groups: ['eng', 'ops'], email: ['a@example.com'] } }), (x) =>
      x.replace('</AttributeStatement>', '</AttributeStatement><AttributeStatement><Attribute Name="groups"><AttributeValue>aws-<!-- c -->admins</AttributeValue></Attribute></AttributeStatement>'));
    assert.deepEqual(readAttributes(assertion), { groups: ['eng', 'ops', 'aws-admins'], email: ['a@example.com'] });
  });

  it('skips xsi:nil values, keeps empty ones', () => {
    const { assertion } = parsed(responseText({ attributes: { groups: ['eng'] } }), (x) =>
      x.replace('</Attribute>', `<AttributeValue xmlns:xsi="${NS.xsi}" xsi:nil="true"/><AttributeValue xmlns:xsi="${NS.xsi}" xsi:nil="false"></AttributeValue></Attribute>`));
    assert.deepEqual(readAttributes(assertion), { groups: ['eng', ''] });
  });

  it('makes an attribute named __proto__ an own property', () => {
    const { assertion } = parsed(responseText({ attributes: Object.fromEntries([['__proto__', ['x']]]) }));
    const attrs = readAttributes(assertion);
    assert.ok(Object.hasOwn(attrs, '__proto__'));
    assert.equal(Object.getPrototypeOf(attrs), Object.prototype);
  });

  it('reads nothing from an assertion without AttributeStatement', () => {
    assert.deepEqual(readAttributes(parsed(responseText()).assertion), {});
  });
});
