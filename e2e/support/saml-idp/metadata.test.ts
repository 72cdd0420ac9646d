import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as samlify from 'samlify';
import { getContext } from 'samlify/build/src/api';

import { certBody } from '../../../lib/core/saml/certificate';
import { ENTRA_TENANT_ID } from '../oidc-idp/users';
import { serverForSuite } from '../suite-server';
import { SHAPE_IDS } from './shapes';
import { startTestIdp, verifiedSignatures } from './testkit';
import { ensureSchemaValidator, parseXml } from './xml';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

describe('SAML IdP metadata', () => {
  const idp = serverForSuite(startTestIdp);

  it('serves each shape\'s metadata with its entityID, signing cert and SSO endpoints', async () => {
    const expectedIds = {
      adfs: `${idp().url}/adfs/services/trust`,
      okta: 'http://www.okta.com/exk7r0l3g4t3d3m0o5d7',
      entra: `https://sts.windows.net/${ENTRA_TENANT_ID}/`,
      shibboleth: `${idp().url}/shibboleth/idp/shibboleth`,
    };
    for (const shape of SHAPE_IDS) {
      const ep = idp().shapes[shape];
      assert.equal(ep.metadataUrl, `${idp().url}/${shape}/metadata`);
      assert.equal(ep.ssoUrl, `${idp().url}/${shape}/sso`);
      const res = await fetch(ep.metadataUrl);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/samlmetadata+xml');
      const xml = await res.text();
      assert.equal(xml, ep.metadataXml);
      const doc = parseXml(xml);
      assert.equal(doc.documentElement.localName, 'EntityDescriptor');
      assert.equal(doc.documentElement.getAttribute('entityID'), expectedIds[shape]);
      assert.equal(ep.entityId, expectedIds[shape]);
      const descriptor = doc.getElementsByTagNameNS(MD, 'IDPSSODescriptor')[0];
      assert.ok(descriptor, shape);
      const certs = Array.from(descriptor.getElementsByTagNameNS(DSIG, 'X509Certificate')).map((c) => c.textContent);
      assert.deepEqual(certs, [certBody(ep.certPem)], shape);
      const sso = Array.from(doc.getElementsByTagNameNS(MD, 'SingleSignOnService'))
        .map((s) => `${s.getAttribute('Binding')?.split(':').pop()} ${s.getAttribute('Location')}`);
      assert.deepEqual(sso, [`HTTP-Redirect ${ep.ssoUrl}`, `HTTP-POST ${ep.ssoUrl}`], shape);
      assert.equal(descriptor.getAttribute('WantAuthnRequestsSigned'), 'false');
    }
  });

  it('is consumable by samlify (as the gateway would import it)', () => {
    for (const shape of SHAPE_IDS) {
      const entity = samlify.IdentityProvider({ metadata: idp().shapes[shape].metadataXml });
      assert.equal(entity.entityMeta.getEntityID(), idp().shapes[shape].entityId);
      assert.equal(entity.entityMeta.getX509Certificate('signing'), certBody(idp().shapes[shape].certPem));
    }
  });

  it('ADFS and Entra sign their metadata; Okta and Shibboleth do not', () => {
    assert.deepEqual(verifiedSignatures(idp().shapes.adfs.metadataXml, idp().shapes.adfs.certPem), ['EntityDescriptor']);
    assert.deepEqual(verifiedSignatures(idp().shapes.entra.metadataXml, idp().shapes.entra.certPem), ['EntityDescriptor']);
    assert.deepEqual(verifiedSignatures(idp().shapes.okta.metadataXml, idp().shapes.okta.certPem), []);
    assert.deepEqual(verifiedSignatures(idp().shapes.shibboleth.metadataXml, idp().shapes.shibboleth.certPem), []);
    assert.throws(() => verifiedSignatures(idp().shapes.adfs.metadataXml, idp().shapes.entra.certPem));
  });

  it('uses product-specific layouts (Okta md: prefix, Shibboleth scope) and one key per shape', () => {
    assert.ok(idp().shapes.okta.metadataXml.startsWith('<md:EntityDescriptor'));
    assert.match(idp().shapes.shibboleth.metadataXml, /<shibmd:Scope [^>]*regexp="false"[^>]*>example\.com</);
    assert.equal(new Set(SHAPE_IDS.map((s) => idp().shapes[s].certPem)).size, 4);
  });

  it('starts only the requested shapes; unknown paths are 404', async () => {
    const okta = await startTestIdp({ shapes: ['okta'], wantAuthnRequestsSigned: true });
    try {
      assert.deepEqual(Object.keys(okta.shapes), ['okta']);
      assert.equal((await fetch(`${okta.url}/adfs/metadata`)).status, 404);
      assert.equal((await fetch(`${okta.url}/okta/nope`)).status, 404);
      assert.match(okta.shapes.okta.metadataXml, /WantAuthnRequestsSigned="true"/);
    } finally {
      await okta.close();
    }
  });

  it('never replaces a schema validator that is already installed', () => {
    const installed = getContext().validate;
    assert.ok(installed, 'startSamlIdp installed one');
    const gateways = async (): Promise<string> => 'production validator';
    samlify.setSchemaValidator({ validate: gateways });
    try {
      assert.equal(ensureSchemaValidator(), false);
      assert.equal(getContext().validate, gateways);
    } finally {
      samlify.setSchemaValidator({ validate: installed });
    }
  });
});
