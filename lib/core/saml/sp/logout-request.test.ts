/**
 * Issue 13 §5: an IdP's LogoutRequest by HTTP-Redirect passes only our own pipeline: the query signature over
 * the received bytes with a metadata key, then the message. Each check refuses with its own code.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { connectWithLogout, logoutCode, logoutRequestFor, redirect, redirectLogoutQuery, signedLogoutRequest, signedQuery, type LogoutFields } from './testing/logout';
import { MemoryReplayStore } from './testing/memory-stores';
import { createTestIdp, freshCert, type TestIdp } from './testing/test-idp';
import { SamlValidationError } from './trace';
import type { SamlSp } from './types';

describe('issue 13 §5: IdP-initiated LogoutRequest by HTTP-Redirect', () => {
  let idp: TestIdp;
  let sp: SamlSp;
  before(async () => {
    idp = await createTestIdp('shibboleth');
    ({ sp } = await connectWithLogout(idp));
  });
  const q = (f: LogoutFields = {}, relay?: string) => redirect(redirectLogoutQuery(idp, f, relay));
  const carrying = (xml: string) => redirect(signedQuery(xml, idp.cert.privateKeyPem));

  it('accepts a signed request and reads the NameID, SessionIndexes and RelayState', async () => {
    const v = await sp.validateLogoutRequest(q({ nameId: 'AAdzZWNyZXQx', sessionIndexes: ['_s1', '_s2'] }, 'state 1'), { now: new Date(), replay: new MemoryReplayStore() });
    assert.equal(v.nameId, 'AAdzZWNyZXQx');
    assert.equal(v.nameIdFormat, 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient');
    assert.deepEqual(v.sessionIndexes, ['_s1', '_s2']);
    assert.equal(v.relayState, 'state 1');
    assert.equal(v.issuer, idp.entityId);
    assert.ok(v.trace.some((t) => t.check === 'signature' && t.ok && t.detail?.includes('query signature')));
    assert.equal(v.trace[0]?.detail, 'LogoutRequest, HTTP-Redirect');
  });

  it('accepts RSA-SHA1 only on a connection that allows SHA-1', async () => {
    const { sp: legacy } = await connectWithLogout(idp, { DANGEROUSLY_ALLOW_SHA1: true });
    const good = redirectLogoutQuery(idp);
    // Re-signing with SHA-1 needs the IdP's key: sign the same signed part by hand.
    const alg = encodeURIComponent('http://www.w3.org/2000/09/xmldsig#rsa-sha1');
    const part = `${good.slice(0, good.indexOf('&SigAlg='))}&SigAlg=${alg}`;
    const sha1 = `${part}&Signature=${encodeURIComponent(createSign('sha1').update(part).sign(idp.cert.privateKeyPem, 'base64'))}`;
    assert.equal(await logoutCode(legacy, redirect(sha1)), 'accepted');
    assert.equal(await logoutCode(sp, redirect(sha1)), 'SAML_ALGORITHM_FORBIDDEN');
  });

  it('refuses an unsigned query, a foreign key, a tampered message or RelayState, and unknown algorithms', async () => {
    const good = redirectLogoutQuery(idp, {}, 'r');
    assert.equal(await logoutCode(sp, redirect(good.replace(/&Signature=[^&]*/, ''))), 'SAML_SIGNATURE_MISSING');
    assert.equal(await logoutCode(sp, redirect(good.replace(/&SigAlg=[^&]*/, ''))), 'SAML_SIGNATURE_MISSING');
    const mallory = await freshCert('mallory');
    assert.equal(await logoutCode(sp, redirect(redirectLogoutQuery(idp, {}, undefined, mallory.privateKeyPem))), 'SAML_SIGNATURE_INVALID');
    assert.equal(await logoutCode(sp, redirect(good.replace('RelayState=r', 'RelayState=s'))), 'SAML_SIGNATURE_INVALID');
    assert.equal(await logoutCode(sp, redirect(good.replace('RelayState=r&', ''))), 'SAML_SIGNATURE_INVALID');
    assert.equal(await logoutCode(sp, redirect(good.replace(/^SAMLRequest=./, 'SAMLRequest=A'))), 'SAML_SIGNATURE_INVALID');
    assert.equal(await logoutCode(sp, redirect(good.replace(/Signature=[^&]*$/, 'Signature=%25%25'))), 'SAML_SIGNATURE_INVALID');
    assert.equal(await logoutCode(sp, redirect(good.replace(/Signature=[^&]*$/, 'Signature=abc'))), 'SAML_SIGNATURE_INVALID');
    assert.equal(await logoutCode(sp, redirect(good.replace(/SigAlg=[^&]*/, 'SigAlg=hmac'))), 'SAML_ALGORITHM_FORBIDDEN');
    assert.equal(await logoutCode(sp, redirect(good.replace(/SigAlg=[^&]*/, 'SigAlg=%'))), 'SAML_ALGORITHM_FORBIDDEN');
  });

  it('refuses a malformed query: no or repeated parameters, oversize, not base64, not DEFLATE, inflating past the cap', async () => {
    const good = redirectLogoutQuery(idp);
    assert.equal(await logoutCode(sp, redirect('RelayState=x')), 'SAML_MALFORMED');
    assert.equal(await logoutCode(sp, redirect('SAMLRequest=')), 'SAML_MALFORMED');
    assert.equal(await logoutCode(sp, redirect(`${good}&SAMLRequest=x`)), 'SAML_MALFORMED');
    assert.equal(await logoutCode(sp, redirect(`${good}&SigAlg=x`)), 'SAML_MALFORMED');
    assert.equal(await logoutCode(sp, redirect(`SAMLRequest=${'A'.repeat(700_000)}`)), 'SAML_TOO_LARGE');
    assert.equal(await logoutCode(sp, redirect(signedRaw(idp, '%21%21'))), 'SAML_MALFORMED');
    assert.equal(await logoutCode(sp, redirect(signedRaw(idp, 'QUJD'))), 'SAML_MALFORMED');
    const bomb = encodeURIComponent(deflateRawSync(Buffer.alloc(300 * 1024, 0x20)).toString('base64'));
    assert.equal(await logoutCode(sp, redirect(signedRaw(idp, bomb))), 'SAML_TOO_LARGE');
  });

  it('names the decoding step that failed', async () => {
    const last = async (query: string) => {
      const e = await sp.validateLogoutRequest(redirect(query), { now: new Date(), replay: new MemoryReplayStore() }).catch((err: unknown) => err);
      assert.ok(e instanceof SamlValidationError);
      return e.trace.at(-1);
    };
    assert.deepEqual(await last(signedRaw(idp, '%21%21')), { check: 'base64', ok: false, detail: 'message is not base64' });
    assert.deepEqual(await last(signedRaw(idp, 'QUJD')), { check: 'inflate', ok: false, detail: 'not DEFLATE data' });
    const bomb = encodeURIComponent(deflateRawSync(Buffer.alloc(300 * 1024, 0x20)).toString('base64'));
    assert.deepEqual(await last(signedRaw(idp, bomb)), { check: 'inflate', ok: false, detail: 'more than 262144 bytes' });
    assert.deepEqual(await last(signedRaw(idp, undefined, '%E0%A4%A')), { check: 'relay-state', ok: false, detail: 'RelayState is not %-encoded' });
    assert.deepEqual(await last(signedRaw(idp, 'QUJD%')), { check: 'base64', ok: false, detail: 'message is not base64' });
    assert.deepEqual(await last(signedRaw(idp, 'QUJ')), { check: 'base64', ok: false, detail: 'message is not base64' });
  });

  it('ignores parameters it does not know, and refuses a RelayState over 80 bytes or not %-encoded', async () => {
    assert.equal(await logoutCode(sp, redirect(`x=1&${redirectLogoutQuery(idp)}&flag`)), 'accepted');
    assert.equal(await logoutCode(sp, q({}, 'r'.repeat(81))), 'SAML_MALFORMED');
    assert.equal(await logoutCode(sp, q({}, 'r'.repeat(80))), 'accepted');
    assert.equal(await logoutCode(sp, redirect(signedRaw(idp, undefined, '%E0%A4%A'))), 'SAML_MALFORMED');
  });

  it('refuses an XML signature inside a redirect-binding message (one verification path)', async () => {
    assert.equal(await logoutCode(sp, carrying(signedLogoutRequest(idp))), 'SAML_WRAPPING_DETECTED');
  });

  it('refuses a DOCTYPE, malformed XML and a root that is not a LogoutRequest', async () => {
    assert.equal(await logoutCode(sp, carrying(`<!DOCTYPE x>${logoutRequestFor(idp)}`)), 'SAML_DOCTYPE_FORBIDDEN');
    assert.equal(await logoutCode(sp, carrying('<samlp:LogoutRequest')), 'SAML_MALFORMED');
    assert.equal(await logoutCode(sp, carrying(logoutRequestFor(idp).replace(/LogoutRequest/g, 'LogoutResponse'))), 'SAML_SCHEMA_INVALID');
  });
});

/** A query whose raw SAMLRequest (and RelayState) values are given as is, correctly signed by the IdP. */
function signedRaw(idp: TestIdp, rawMessage?: string, rawRelay?: string): string {
  const message = rawMessage ?? encodeURIComponent(deflateRawSync(Buffer.from(logoutRequestFor(idp))).toString('base64'));
  const part = `SAMLRequest=${message}${rawRelay === undefined ? '' : `&RelayState=${rawRelay}`}&SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}`;
  return `${part}&Signature=${encodeURIComponent(createSign('sha256').update(part).sign(idp.cert.privateKeyPem, 'base64'))}`;
}
