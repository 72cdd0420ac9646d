import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';

import { generateSigningCertificate } from '../../../lib/core/saml/certificate';
import { serverForSuite } from '../suite-server';
import {
  formOf, getPage, postForm, postOf, spInitiated, startTestIdp, submitLogin, TEST_SP, testSp, testSpEntity,
} from './testkit';

function redirectUrl(ssoUrl: string, authnRequestXml: string): string {
  return `${ssoUrl}?SAMLRequest=${encodeURIComponent(deflateRawSync(authnRequestXml).toString('base64'))}`;
}

function authnRequest(opts: { issuer?: string; acs?: string; destination?: string }): string {
  const attrs = [
    'ID="_req-neg"', 'Version="2.0"', `IssueInstant="${new Date().toISOString()}"`,
    opts.destination ? `Destination="${opts.destination}"` : '',
    opts.acs ? `AssertionConsumerServiceURL="${opts.acs}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"` : '',
  ].filter(Boolean).join(' ');
  return `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ${attrs}>`
    + `<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${opts.issuer ?? TEST_SP.entityId}</saml:Issuer>`
    + '</samlp:AuthnRequest>';
}

function assertRefused(page: { status: number; html: string }, status: number, message: RegExp): void {
  assert.equal(page.status, status);
  assert.match(page.html, message);
  assert.ok(page.html.includes('data-testid="saml-idp-error"'));
  assert.ok(!page.html.includes('SAMLResponse') && !page.html.includes('data-testid="saml-idp-login"'));
}

describe('SAML IdP: refusals', () => {
  const idp = serverForSuite(startTestIdp);

  it('wrong password or unknown user: error, no SAMLResponse; the sign-in can then be completed', async () => {
    const flow = await spInitiated(idp(), 'okta', { password: 'not-demo' });
    assert.equal(flow.result.status, 401);
    assert.ok(flow.result.html.includes('data-testid="saml-idp-error"'));
    assert.equal(flow.post, undefined);
    assert.ok(!flow.result.html.includes('SAMLResponse'));
    const unknown = await submitLogin(flow.result, 'mallory@example.com');
    assert.equal(unknown.status, 401);
    assert.equal(postOf(unknown), undefined);
    const ok = await submitLogin(unknown, 'sam@example.com');
    assert.ok(postOf(ok)?.xml.includes(`InResponseTo="${flow.requestId}"`));
    // The pending sign-in is used up: replaying the login post gets nothing.
    assertRefused(await submitLogin(unknown, 'sam@example.com'), 400, /not found or expired/);
  });

  it('refuses an unregistered SP, an unregistered ACS URL and a wrong Destination', async () => {
    const sso = idp().shapes.adfs.ssoUrl;
    assertRefused(await getPage(redirectUrl(sso, authnRequest({ issuer: 'https://evil.example/sp' }))), 403, /Unknown service provider/);
    assertRefused(await getPage(redirectUrl(sso, authnRequest({ acs: 'https://evil.example/acs' }))), 403, /is not registered for/);
    assertRefused(await getPage(redirectUrl(sso, authnRequest({ destination: idp().shapes.okta.ssoUrl }))), 403, /Wrong Destination/);
    const fine = await getPage(redirectUrl(sso, authnRequest({ acs: TEST_SP.acsUrl, destination: sso })));
    assert.equal(fine.status, 200);
  });

  it('refuses a missing or malformed SAMLRequest', async () => {
    const sso = idp().shapes.entra.ssoUrl;
    assertRefused(await getPage(sso), 400, /Missing SAMLRequest/);
    assertRefused(await getPage(`${sso}?SAMLRequest=bm90LXhtbA%3D%3D`), 400, /Malformed/);
    assertRefused(await getPage(redirectUrl(sso, '<samlp:AuthnRequest')), 400, /Malformed/);
    assertRefused(await postForm(sso, { SAMLRequest: Buffer.from('<Nope/>').toString('base64') }), 400, /Malformed/);
  });

  it('refuses IdP-initiated sign-in for an unknown SP, and a sign-in started at another shape', async () => {
    assertRefused(await getPage(`${idp().shapes.okta.idpInitUrl}?sp=https%3A%2F%2Fevil.example`), 403, /Unknown service provider/);
    assertRefused(await getPage(idp().shapes.okta.idpInitUrl), 403, /no sp parameter/);
    const atOkta = await getPage(`${idp().shapes.okta.idpInitUrl}?sp=${encodeURIComponent(TEST_SP.entityId)}`);
    const { fields } = formOf(atOkta.html);
    assertRefused(await postForm(`${idp().url}/entra/login`, { ...fields, login: 'sam@example.com', password: 'demo' }), 400, /not found/);
  });

  it('with WantAuthnRequestsSigned, verifies the SP\'s signature with the cert from its metadata', async () => {
    const key = await generateSigningCertificate({ commonName: 'test SP', notBefore: new Date(Date.now() - 60_000), validDays: 2 });
    const spSettings = { authnRequestsSigned: true, privateKey: key.privateKeyPem, signingCert: key.certPem };
    const metadataXml = testSpEntity(spSettings).getMetadata();
    const strict = await startTestIdp({ shapes: ['okta'], wantAuthnRequestsSigned: true, sps: [{ ...TEST_SP, metadataXml }] });
    try {
      const sp = testSp(strict.shapes.okta.metadataXml, spSettings);
      const signed = await spInitiated(strict, 'okta', { testSp: sp });
      assert.ok(signed.post?.xml.includes(`InResponseTo="${signed.requestId}"`));
      const request = sp.sp.createLoginRequest(sp.idp, 'redirect', { relayState: 'r' }).context;
      assertRefused(await getPage(request.replace(/Signature=[^&]+/, 'Signature=AAAA')), 403, /signature missing or invalid/);
      assertRefused(await getPage(request.replace(/&SigAlg=[^&]+&Signature=[^&]+/, '')), 403, /signature missing or invalid/);
      assertRefused(await getPage(request.replace(/RelayState=r/, 'RelayState=tampered')), 403, /signature missing or invalid/);
    } finally {
      await strict.close();
    }
  });
});
