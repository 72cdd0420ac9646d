/**
 * Issue 13 §5: what single logout sends (our LogoutRequest and LogoutResponse by HTTP-Redirect, signed by
 * the SP key over the query string) and when it is on (advertised in our SP metadata only then).
 */
import assert from 'node:assert/strict';
import { createVerify } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { parseIdpMetadata } from './metadata';
import { connect } from './testing/harness';
import { connectWithLogout, SLO_URL } from './testing/logout';
import { createTestIdp, freshCert, idpMetadataXml, type TestIdp } from './testing/test-idp';
import { parseXml } from './xml';

/** The query of `url`, its signature checked with `certPem`, and the inflated message. */
function opened(url: string, param: string, certPem: string): { endpoint: string; xml: string; relayState: string | null } {
  const [endpoint, query] = url.split('?') as [string, string];
  const signed = query.slice(query.indexOf(`${param}=`), query.indexOf('&Signature='));
  const params = new URLSearchParams(query);
  assert.equal(params.get('SigAlg'), 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
  assert.ok(createVerify('sha256').update(signed).verify(certPem, params.get('Signature') as string, 'base64'), 'signed by the SP key');
  const xml = inflateRawSync(Buffer.from(params.get(param) as string, 'base64')).toString('utf8');
  return { endpoint, xml, relayState: params.get('RelayState') };
}

describe('issue 13 §5: single logout out of Rolegate', () => {
  let idp: TestIdp;
  before(async () => {
    idp = await createTestIdp('shibboleth');
  });

  it('sends a signed LogoutRequest with the exact NameID, its qualifiers and the SessionIndex', async () => {
    const { sp, spCertPem } = await connectWithLogout(idp);
    const session = { nameId: 'a<b>&"c', nameIdFormat: 'urn:f', nameQualifier: 'https://idp', spNameQualifier: 'https://sp', sessionIndex: '_s9' };
    const out = sp.createLogoutRequest(session, 'rs') as { url: string; id: string };
    const { endpoint, xml, relayState } = opened(out.url, 'SAMLRequest', spCertPem);
    assert.equal(endpoint, 'https://shibboleth.idp.test/slo');
    assert.equal(relayState, 'rs');
    const root = parseXml(xml).documentElement;
    assert.equal(root.localName, 'LogoutRequest');
    assert.equal(root.getAttribute('ID'), out.id);
    assert.equal(root.getAttribute('Destination'), 'https://shibboleth.idp.test/slo');
    const nameId = root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'NameID').item(0) as Element;
    assert.equal(nameId.textContent, 'a<b>&"c');
    assert.deepEqual(['Format', 'NameQualifier', 'SPNameQualifier'].map((a) => nameId.getAttribute(a)), ['urn:f', 'https://idp', 'https://sp']);
    assert.equal(root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:protocol', 'SessionIndex').item(0)?.textContent, '_s9');
    assert.match(xml, /<saml:Issuer>https:\/\/rolegate\.test\/saml\/sp<\/saml:Issuer>/);
    const bare = opened((sp.createLogoutRequest({ nameId: 'n' }) as { url: string }).url, 'SAMLRequest', spCertPem);
    assert.doesNotMatch(bare.xml, /SessionIndex|Format=|Qualifier=/);
    assert.equal(bare.relayState, null);
  });

  it('answers with a signed LogoutResponse to the ResponseLocation, else the Location', async () => {
    const { sp, spCertPem } = await connectWithLogout(idp);
    const { endpoint, xml } = opened(sp.createLogoutResponse('_lr1', 'Success', 'r') as string, 'SAMLResponse', spCertPem);
    assert.equal(endpoint, 'https://shibboleth.idp.test/slo');
    assert.match(xml, /InResponseTo="_lr1"/);
    assert.match(xml, /status:Success"/);
    const withResponse = idp.metadataXml.replace('Location="https://shibboleth.idp.test/slo"', 'Location="https://shibboleth.idp.test/slo" ResponseLocation="https://shibboleth.idp.test/slo-return?x=1"');
    const { sp: sp2, spCertPem: cert2 } = await connectWithLogout(idp, { idpMetadataXml: withResponse });
    const back = opened(sp2.createLogoutResponse('_lr2', 'Requester') as string, 'SAMLResponse', cert2);
    assert.equal(back.endpoint, 'https://shibboleth.idp.test/slo-return');
    assert.match(back.xml, /status:Requester"/);
    assert.match(sp2.createLogoutResponse('_lr2', 'Responder') as string, /slo-return\?x=1&SAMLResponse=/);
  });

  it('is on only with our SLO URL, an IdP HTTP-Redirect SingleLogoutService and an SP signing key; metadata says so', async () => {
    const on = (await connectWithLogout(idp)).sp;
    assert.equal(on.singleLogout, true);
    assert.match(on.spMetadataXml(), new RegExp(`SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${SLO_URL}"`));
    const signing = await freshCert('sp');
    const keys = { spSigningKey: signing.privateKeyPem, spSigningCert: signing.certPem };
    const offs = [
      (await connect(idp, { ...keys })).sp,
      (await connect(idp, { sloUrl: SLO_URL })).sp,
      (await connectWithLogout(idp, { idpMetadataXml: idpMetadataXml(idp.entityId, [idp.cert.certPem], 'https://x/sso') })).sp,
    ];
    for (const off of offs) {
      assert.equal(off.singleLogout, false);
      assert.doesNotMatch(off.spMetadataXml(), /SingleLogoutService/);
      assert.equal(off.createLogoutRequest({ nameId: 'n' }), undefined);
      assert.equal(off.createLogoutResponse('_x', 'Success'), undefined);
      await assert.rejects(off.validateLogoutRequest({ binding: 'redirect', query: 'SAMLRequest=x' }, { now: new Date(), replay: { seen: async () => false, remember: async () => true } }), { code: 'NOT_FOUND' });
    }
  });

  it('refuses an sloUrl that is not http(s)', async () => {
    await assert.rejects(connectWithLogout(idp, { sloUrl: 'javascript:alert(1)' }), { code: 'CONFIG_INVALID' });
  });

  it('reads the IdP HTTP-Redirect SingleLogoutService from metadata; POST-only or Location-less ones do not count', () => {
    const base = idpMetadataXml(idp.entityId, [idp.cert.certPem], 'https://x/sso');
    const withSlo = (slo: string) => base.replace('<md:SingleSignOnService', `${slo}<md:SingleSignOnService`);
    const redirectSlo = (attrs: string) => `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" ${attrs}/>`;
    assert.equal(parseIdpMetadata(base).redirectSlo, undefined);
    assert.equal(parseIdpMetadata(withSlo('<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://x/slo"/>')).redirectSlo, undefined);
    assert.equal(parseIdpMetadata(withSlo(redirectSlo('Location=""'))).redirectSlo, undefined);
    assert.equal(parseIdpMetadata(withSlo(redirectSlo('Location="javascript:alert(1)"'))).redirectSlo, undefined);
    assert.equal(parseIdpMetadata(withSlo(redirectSlo('Location="https://"'))).redirectSlo, undefined);
    assert.equal(parseIdpMetadata(withSlo(redirectSlo('Location="x-https://x/slo"'))).redirectSlo, undefined);
    assert.deepEqual(parseIdpMetadata(withSlo(redirectSlo('Location="HTTP://x/slo" ResponseLocation="data:x"'))).redirectSlo, { location: 'HTTP://x/slo', responseLocation: 'HTTP://x/slo' });
    assert.deepEqual(parseIdpMetadata(withSlo(redirectSlo('Location="https://x/slo"'))).redirectSlo, { location: 'https://x/slo', responseLocation: 'https://x/slo' });
    assert.deepEqual(parseIdpMetadata(withSlo(redirectSlo('Location="https://x/slo" ResponseLocation=""'))).redirectSlo, { location: 'https://x/slo', responseLocation: 'https://x/slo' });
    assert.deepEqual(parseIdpMetadata(withSlo(redirectSlo('ResponseLocation="https://x/r"') + redirectSlo('Location="https://x/slo" ResponseLocation="https://x/r2"'))).redirectSlo, { location: 'https://x/slo', responseLocation: 'https://x/r2' });
  });
});
