import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { GatewayError } from '../../errors';
import { parseIdpMetadata } from './metadata';
import { freshCert, idpMetadataXml } from './testing/test-idp';
import type { SigningCertificate } from '../certificate';
import { certBody } from '../certificate';

const ENTITY = 'https://idp.test/metadata';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof GatewayError);
    return e.code;
  }
  return 'accepted';
}

describe('parseIdpMetadata', () => {
  let a: SigningCertificate;
  let b: SigningCertificate;
  before(async () => {
    [a, b] = await Promise.all([freshCert('a'), freshCert('b')]);
  });

  it('reads the entityID, every signing certificate (rotation) and the redirect SSO URL', () => {
    const meta = parseIdpMetadata(idpMetadataXml(ENTITY, [a.certPem, b.certPem], 'https://idp.test/sso'));
    assert.equal(meta.entityId, ENTITY);
    assert.deepEqual(meta.signingCerts.map((c) => c.body), [certBody(a.certPem), certBody(b.certPem)]);
    assert.equal(meta.signingCerts[0]?.key.asymmetricKeyType, 'rsa');
    assert.equal(meta.redirectSsoUrl, 'https://idp.test/sso');
    assert.equal(meta.wantAuthnRequestsSigned, false);
  });

  it('ignores encryption-only certificates', () => {
    const xml = idpMetadataXml(ENTITY, [a.certPem, b.certPem], 'https://idp.test/sso').replace('use="signing"', 'use="encryption"');
    assert.deepEqual(parseIdpMetadata(xml).signingCerts.map((c) => c.body), [certBody(b.certPem)]);
  });

  it('refuses DOCTYPE, missing certificates, missing entityID and garbage', () => {
    const good = idpMetadataXml(ENTITY, [a.certPem], 'https://idp.test/sso');
    assert.equal(code(() => parseIdpMetadata(`<!DOCTYPE x>${good}`)), 'SAML_METADATA_INVALID');
    assert.equal(code(() => parseIdpMetadata(idpMetadataXml(ENTITY, [], 'https://idp.test/sso'))), 'SAML_METADATA_INVALID');
    assert.equal(code(() => parseIdpMetadata(good.replace(`entityID="${ENTITY}"`, ''))), 'SAML_METADATA_INVALID');
    assert.equal(code(() => parseIdpMetadata('<md:EntityDescriptor')), 'SAML_METADATA_INVALID');
    assert.equal(code(() => parseIdpMetadata(good.replace(/<ds:X509Certificate>[^<]*/, '<ds:X509Certificate>AAAA'))), 'SAML_METADATA_INVALID');
  });
});
