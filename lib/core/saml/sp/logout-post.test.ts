/**
 * Issue 13 §5: an IdP's LogoutRequest by HTTP-POST, signed enveloped. Every wrapping of the signed request
 * (GHSA-63ch-w8pw-4mf2: samlify's flaw) is refused by the structure checks before a value is read.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ALG } from './algorithms';
import { signElement } from './testing/sign';
import { connectWithLogout, logoutCode, logoutRequestFor, post, signedLogoutRequest } from './testing/logout';
import { MemoryReplayStore } from './testing/memory-stores';
import { createTestIdp, freshCert, type TestIdp } from './testing/test-idp';
import type { SamlSp } from './types';

const SIG = /<ds:Signature[\s\S]*<\/ds:Signature>/;

describe('issue 13 §5: IdP-initiated LogoutRequest by HTTP-POST', () => {
  let idp: TestIdp;
  let sp: SamlSp;
  let signed: string;
  before(async () => {
    idp = await createTestIdp('adfs');
    ({ sp } = await connectWithLogout(idp));
    signed = signedLogoutRequest(idp, { nameId: 'alice@example.com' });
  });

  it('accepts the enveloped signature of a metadata certificate, RelayState from the form', async () => {
    const v = await sp.validateLogoutRequest(post(signed, 'rs'), { now: new Date(), replay: new MemoryReplayStore() });
    assert.equal(v.nameId, 'alice@example.com');
    assert.equal(v.relayState, 'rs');
    assert.ok(v.trace.some((t) => t.check === 'signature' && t.detail === 'enveloped signature'));
  });

  it('takes an empty RelayState as none and refuses one over 80 bytes', async () => {
    assert.equal((await sp.validateLogoutRequest(post(signedLogoutRequest(idp), ''), { now: new Date(), replay: new MemoryReplayStore() })).relayState, undefined);
    assert.equal(await logoutCode(sp, post(signed, 'r'.repeat(80))), 'accepted');
    assert.equal(await logoutCode(sp, post(signed, 'r'.repeat(81))), 'SAML_MALFORMED');
  });

  it('refuses an unsigned request, a foreign key and a tampered NameID', async () => {
    assert.equal(await logoutCode(sp, post(logoutRequestFor(idp))), 'SAML_SIGNATURE_MISSING');
    const mallory = await freshCert('mallory');
    const byMallory = { privateKeyPem: mallory.privateKeyPem, certPem: mallory.certPem };
    assert.equal(await logoutCode(sp, post(signedLogoutRequest(idp, {}, byMallory))), 'SAML_CERT_NOT_TRUSTED');
    assert.equal(await logoutCode(sp, post(signedLogoutRequest(idp, {}, { ...byMallory, keyInfo: false }))), 'SAML_SIGNATURE_INVALID');
    assert.equal(await logoutCode(sp, post(signed.replace('alice@example.com', 'admin@example.com'))), 'SAML_SIGNATURE_INVALID');
  });

  it('refuses SHA-1 and a forbidden transform before verifying', async () => {
    assert.equal(await logoutCode(sp, post(signedLogoutRequest(idp, {}, { signatureAlgorithm: ALG.rsaSha1 }))), 'SAML_ALGORITHM_FORBIDDEN');
    assert.equal(await logoutCode(sp, post(signedLogoutRequest(idp, {}, { transforms: [ALG.excC14n] }))), 'SAML_TRANSFORM_FORBIDDEN');
  });

  it('refuses the signed request wrapped inside an evil one (Extensions), and the evil one inside the signature', async () => {
    const evil = logoutRequestFor(idp, { nameId: 'admin@example.com', id: '_evil' }).replace('</saml:Issuer>', `</saml:Issuer><samlp:Extensions>${signed}</samlp:Extensions>`);
    assert.equal(await logoutCode(sp, post(evil)), 'SAML_WRAPPING_DETECTED');
    const moved = signed.replace('</ds:SignatureValue>', `</ds:SignatureValue><ds:Object>${logoutRequestFor(idp)}</ds:Object>`);
    assert.equal(await logoutCode(sp, post(moved)), 'SAML_WRAPPING_DETECTED');
  });

  it('refuses a signature referencing another element, a second signature, a signature off the root and duplicate IDs', async () => {
    const elsewhere = signed.replace(/URI="#[^"]*"/, 'URI="#_other"').replace('<saml:NameID ', '<saml:NameID ID="_other" ');
    assert.equal(await logoutCode(sp, post(elsewhere)), 'SAML_WRAPPING_DETECTED');
    const signature = SIG.exec(signed)?.[0] as string;
    assert.equal(await logoutCode(sp, post(signed.replace('<saml:NameID', `${signature}<saml:NameID`))), 'SAML_WRAPPING_DETECTED');
    const inNameId = signed.replace(SIG, '').replace('alice@example.com</saml:NameID>', `alice@example.com${signature}</saml:NameID>`);
    assert.equal(await logoutCode(sp, post(inNameId)), 'SAML_WRAPPING_DETECTED');
    const dupId = /ID="([^"]+)"/.exec(signed)?.[1] as string;
    assert.equal(await logoutCode(sp, post(signed.replace('<saml:NameID ', `<saml:NameID ID="${dupId}" `))), 'SAML_WRAPPING_DETECTED');
  });

  it('refuses a comment-injected NameID although its signature verifies (exc-c14n drops comments)', async () => {
    const commented = signElementAfter(idp, logoutRequestFor(idp, { nameId: 'admin@example.com' }).replace('admin@example.com', 'admin@example.com<!---->.evil'));
    assert.equal(await logoutCode(sp, post(commented)), 'SAML_NAMEID_INVALID');
  });

  it('refuses what the LogoutRequest schema does not allow (EncryptedID, unknown children)', async () => {
    const encrypted = signElementAfter(idp, logoutRequestFor(idp).replace(/<saml:NameID[\s\S]*<\/saml:NameID>/, '<saml:EncryptedID/>'));
    assert.equal(await logoutCode(sp, post(encrypted)), 'SAML_SCHEMA_INVALID');
    const extra = signElementAfter(idp, logoutRequestFor(idp, { afterNameId: '<saml:Foo/>' }));
    assert.equal(await logoutCode(sp, post(extra)), 'SAML_SCHEMA_INVALID');
  });
});

/** Signs arbitrary LogoutRequest XML as the IdP would. */
function signElementAfter(idp: TestIdp, xml: string): string {
  return signElement(xml, 'Response', { privateKeyPem: idp.cert.privateKeyPem, certPem: idp.cert.certPem });
}
