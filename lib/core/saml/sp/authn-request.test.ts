/**
 * Issue 13 §2: the AuthnRequest's NameIDPolicy and ForceAuthn are per connection, and the SP metadata lists
 * the NameID formats the connection accepts (most preferred first).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptedNameIdFormats, NAMEID_FORMATS, NAMEID_POLICIES, requestedNameIdFormat } from '../name-id';
import { createSamlSp } from './create-saml-sp';
import { authnRequestXml } from './testing/harness';
import { createTestIdp, freshCert, type TestIdp } from './testing/test-idp';
import { child, children, NS, parseXml, textOf } from './xml';
import type { SamlSpConnection } from './types';

const BASE = { spEntityId: 'https://rolegate.test/saml/shib/metadata', acsUrl: 'https://rolegate.test/saml/shib/acs', allowIdpInitiated: false };
const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';

const request = (url: string): Element => parseXml(authnRequestXml(url)).documentElement as Element;

function nameIdPolicy(req: Element): Element {
  const policy = child(req, NS.samlp, 'NameIDPolicy');
  assert.ok(policy, 'a NameIDPolicy');
  return policy;
}

function metadataFormats(xml: string): string[] {
  const sp = parseXml(xml).getElementsByTagNameNS(MD, 'SPSSODescriptor')[0] as Element;
  return children(sp, MD, 'NameIDFormat').map(textOf);
}

let idp: TestIdp;
const sp = async (over: Partial<SamlSpConnection> = {}) => {
  idp ??= await createTestIdp('shibboleth');
  return createSamlSp({ ...BASE, idpMetadataXml: idp.metadataXml, ...over });
};

describe('AuthnRequest NameIDPolicy', () => {
  it('omit (the default) sends a NameIDPolicy without Format, AllowCreate true, and no ForceAuthn', async () => {
    const { url } = (await sp()).createAuthnRequest();
    const req = request(url);
    assert.equal(nameIdPolicy(req).hasAttribute('Format'), false);
    assert.equal(nameIdPolicy(req).getAttribute('AllowCreate'), 'true');
    assert.equal(req.hasAttribute('ForceAuthn'), false);
    assert.equal(req.getAttribute('AssertionConsumerServiceURL'), BASE.acsUrl);
    assert.equal(req.getAttribute('ProtocolBinding'), 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    assert.equal(req.getAttribute('Destination'), 'https://shibboleth.idp.test/sso');
    assert.equal(textOf(child(req, NS.saml, 'Issuer') as Element), BASE.spEntityId);
    assert.equal(req.hasAttribute('AssertionConsumerServiceIndex'), false);
    assert.doesNotMatch(authnRequestXml(url), /\{\w+\}/, 'no placeholder left');
  });

  it('each other policy asks for exactly its Format', async () => {
    for (const policy of NAMEID_POLICIES.filter((p) => p !== 'omit')) {
      const req = request((await sp({ nameIdPolicy: policy })).createAuthnRequest().url);
      assert.equal(nameIdPolicy(req).getAttribute('Format'), NAMEID_FORMATS[policy], policy);
    }
  });

  it('ForceAuthn="true" only when asked; the returned id is the request ID', async () => {
    const s = await sp();
    const forced = s.createAuthnRequest({ forceAuthn: true });
    assert.equal(request(forced.url).getAttribute('ForceAuthn'), 'true');
    assert.equal(request(forced.url).getAttribute('ID'), forced.id);
    assert.equal(request(s.createAuthnRequest({ forceAuthn: false }).url).hasAttribute('ForceAuthn'), false);
  });

  it('a signed request (the IdP wants it) carries the policy too', async () => {
    const signing = await freshCert('sp signing');
    const metadata = (await createTestIdp('adfs')).metadataXml.replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor WantAuthnRequestsSigned="true" ');
    const s = createSamlSp({ ...BASE, idpMetadataXml: metadata, spSigningKey: signing.privateKeyPem, spSigningCert: signing.certPem, nameIdPolicy: 'persistent' });
    const url = new URL(s.createAuthnRequest({ forceAuthn: true }).url);
    assert.ok(url.searchParams.get('Signature'));
    assert.equal(nameIdPolicy(request(url.href)).getAttribute('Format'), NAMEID_FORMATS.persistent);
  });
});

describe('SP metadata NameIDFormat', () => {
  it('lists what the connection accepts, the requested format first; transient only beside a subject attribute', async () => {
    const { persistent, emailAddress, unspecified, transient } = NAMEID_FORMATS;
    assert.deepEqual(metadataFormats((await sp()).spMetadataXml()), [persistent, emailAddress, unspecified]);
    assert.deepEqual(metadataFormats((await sp({ nameIdPolicy: 'emailAddress' })).spMetadataXml()), [emailAddress, persistent, unspecified]);
    assert.deepEqual(acceptedNameIdFormats({ nameIdPolicy: 'omit', subjectAttribute: 'eduPersonPrincipalName' }), [persistent, emailAddress, unspecified, transient]);
    const formats = acceptedNameIdFormats({ nameIdPolicy: 'transient', subjectAttribute: 'eduPersonPrincipalName' });
    assert.deepEqual(metadataFormats((await sp({ nameIdPolicy: 'transient', nameIdFormats: formats })).spMetadataXml()), [transient, persistent, emailAddress, unspecified]);
  });

  it('requestedNameIdFormat: none for omit', () => {
    assert.equal(requestedNameIdFormat('omit'), undefined);
    assert.equal(requestedNameIdFormat('unspecified'), NAMEID_FORMATS.unspecified);
  });
});
