import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../errors';
import { createSamlSp } from './create-saml-sp';
import { certBody } from '../certificate';
import { authnRequestXml as requestXml } from './testing/harness';
import { createTestIdp, freshCert } from './testing/test-idp';

const BASE = { spEntityId: 'https://rolegate.test/saml/sp', acsUrl: 'https://rolegate.test/api/saml/acs', allowIdpInitiated: false, clockSkewSeconds: 60 };

describe('createSamlSp', () => {
  it('builds an HTTP-Redirect AuthnRequest whose ID the caller stores', async () => {
    const idp = await createTestIdp('okta');
    const sp = createSamlSp({ ...BASE, idpMetadataXml: idp.metadataXml });
    const { url, id } = sp.createAuthnRequest({ relayState: 'rs1', forceAuthn: true });
    assert.ok(url.startsWith('https://okta.idp.test/sso?SAMLRequest='));
    assert.equal(new URL(url).searchParams.get('RelayState'), 'rs1');
    const xml = requestXml(url);
    assert.ok(xml.includes(`ID="${id}"`));
    assert.ok(xml.includes('ForceAuthn="true"'));
    assert.ok(xml.includes(`AssertionConsumerServiceURL="${BASE.acsUrl}"`));
    assert.equal(new URL(url).searchParams.get('Signature'), null);
  });

  it('signs the AuthnRequest when the IdP wants it, and needs a key for that', async () => {
    const idp = await createTestIdp('adfs');
    const metadata = idp.metadataXml.replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor WantAuthnRequestsSigned="true" ');
    assert.throws(() => createSamlSp({ ...BASE, idpMetadataXml: metadata }), (e) => e instanceof GatewayError && e.code === 'CONFIG_INVALID');
    const signing = await freshCert('sp signing');
    const sp = createSamlSp({ ...BASE, idpMetadataXml: metadata, spSigningKey: signing.privateKeyPem, spSigningCert: signing.certPem });
    const url = new URL(sp.createAuthnRequest().url);
    assert.equal(url.searchParams.get('SigAlg'), 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    assert.ok(url.searchParams.get('Signature'));
  });

  it('publishes SP metadata with our entityID, ACS and encryption certificate', async () => {
    const idp = await createTestIdp('adfs');
    const enc = await freshCert('sp encryption');
    const sp = createSamlSp({ ...BASE, idpMetadataXml: idp.metadataXml, spEncryptionKey: enc.privateKeyPem, spEncryptionCert: enc.certPem });
    const xml = sp.spMetadataXml();
    assert.ok(xml.includes(`entityID="${BASE.spEntityId}"`));
    assert.ok(xml.includes(`Location="${BASE.acsUrl}"`));
    assert.ok(xml.includes(certBody(enc.certPem)));
    assert.ok(xml.includes('WantAssertionsSigned="true"'));
  });

  it('refuses bad configuration when the connection is loaded', async () => {
    const idp = await createTestIdp('google');
    const bad = (o: object) => () => createSamlSp({ ...BASE, idpMetadataXml: idp.metadataXml, ...o });
    assert.throws(bad({ clockSkewSeconds: -1 }), /clockSkewSeconds/);
    assert.throws(bad({ acsUrl: 'ftp://x' }), /acsUrl/);
    assert.throws(bad({ spEncryptionKey: 'k' }), /go together/);
    assert.throws(bad({ idpMetadataXml: '<x/>' }), (e) => e instanceof GatewayError && e.code === 'SAML_METADATA_INVALID');
  });
});
