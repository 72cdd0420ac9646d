/**
 * Issue 12 §8: what IdP metadata must look like before its certificates are trusted, each refusal pinned by
 * its message (the mutation run of metadata.ts). Only metadata certificates are ever trusted (AWS-FACTS §2,
 * xml-crypto CVE-2024-32962), so a weak or foreign key must never get into the trusted set.
 */
import 'reflect-metadata';
import assert from 'node:assert/strict';
import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { before, describe, it } from 'node:test';
import * as x509 from '@peculiar/x509';
import { GatewayError } from '../../errors';
import { certBody, type SigningCertificate } from '../certificate';
import { importCert, parseIdpMetadata } from './metadata';
import { freshCert, idpMetadataXml } from './testing/test-idp';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ENTITY = 'https://idp.test/metadata';
const SSO = 'https://idp.test/sso';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';

function refusedWith(f: () => unknown, message: string): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof GatewayError, String(e));
    assert.equal(e.code, 'SAML_METADATA_INVALID');
    assert.equal(e.message, `IdP metadata: ${message}`);
    return true;
  });
}

/** A self-signed certificate body for a key of the given algorithm (weak or non-RSA keys). */
async function certFor(algorithm: RsaHashedKeyGenParams | EcKeyGenParams, signing: Algorithm): Promise<string> {
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=weak',
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 86_400_000),
    signingAlgorithm: signing,
    keys,
  });
  return cert.toString('base64');
}

describe('issue 12 §8: IdP metadata certificates', () => {
  let a: SigningCertificate;
  let b: SigningCertificate;
  before(async () => {
    [a, b] = await Promise.all([freshCert('metadata a'), freshCert('metadata b')]);
  });

  it('imports a line-wrapped certificate as its compact body, with notAfter and subject', () => {
    const body = certBody(a.certPem);
    const cert = importCert(`\n  ${body.replace(/.{64}/g, '$&\n  ')}\n`);
    assert.equal(cert.body, body);
    assert.equal(cert.notAfter.getTime(), Math.floor(a.notAfter.getTime() / 1000) * 1000);
    assert.equal(cert.subject, 'CN=metadata a');
    assert.equal(cert.key.asymmetricKeyDetails?.modulusLength, 2048);
  });

  it('refuses an RSA key under 2048 bits and a non-RSA key', async () => {
    const rsa1024 = await certFor(
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 1024 },
      { name: 'RSASSA-PKCS1-v1_5' },
    );
    const ec = await certFor({ name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' } as Algorithm);
    refusedWith(() => importCert(rsa1024), 'signing key must be RSA ≥ 2048 bits');
    refusedWith(() => importCert(ec), 'signing key must be RSA ≥ 2048 bits');
    refusedWith(() => importCert('AAAA'), 'a signing certificate does not parse');
  });

  it('refuses a 2048-bit key that is not plain RSA (RSA-PSS cannot verify rsa-sha256)', async () => {
    const signer = (await webcrypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: '01',
      subject: 'CN=pss',
      issuer: 'CN=pss',
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 86_400_000),
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5' },
      publicKey: new x509.PublicKey(pss),
      signingKey: signer.privateKey,
    });
    refusedWith(() => importCert(cert.toString('base64')), 'signing key must be RSA ≥ 2048 bits');
  });

  it('keeps the parser error as the cause of a refusal', () => {
    for (const f of [() => importCert('AAAA'), () => parseIdpMetadata('<md:EntityDescriptor')]) {
      assert.throws(f, (e: unknown) => e instanceof GatewayError && e.cause instanceof Error);
    }
  });

  it('trusts KeyDescriptors with no use attribute, and lists a repeated certificate once', () => {
    const xml = idpMetadataXml(ENTITY, [a.certPem, b.certPem, a.certPem], SSO).replace('<md:KeyDescriptor use="signing">', '<md:KeyDescriptor>');
    assert.deepEqual(parseIdpMetadata(xml).signingCerts.map((c) => c.body), [certBody(a.certPem), certBody(b.certPem)]);
  });

  it('refuses metadata whose only certificate is for encryption', () => {
    const xml = idpMetadataXml(ENTITY, [a.certPem], SSO).replace('use="signing"', 'use="encryption"');
    refusedWith(() => parseIdpMetadata(xml), 'no signing certificate');
  });
});

describe('issue 12 §8: IdP metadata structure', () => {
  let good: string;
  before(async () => {
    good = idpMetadataXml(ENTITY, [(await freshCert('structure')).certPem], SSO);
  });

  it('refuses DOCTYPE and ENTITY declarations in any spelling before parsing', () => {
    for (const decl of ['<!DOCTYPE x>', '<!doctype x>', '<! DOCTYPE x>', '<!ENTITY x "y">']) {
      refusedWith(() => parseIdpMetadata(`${decl}${good}`), 'DOCTYPE is not allowed');
    }
    refusedWith(() => parseIdpMetadata('<md:EntityDescriptor'), 'not well-formed XML');
  });

  it('requires md:EntityDescriptor as the root, in the metadata namespace', () => {
    refusedWith(() => parseIdpMetadata(good.replaceAll('md:EntityDescriptor', 'md:EntitiesDescriptor')), 'root must be md:EntityDescriptor');
    refusedWith(() => parseIdpMetadata(good.replace('xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"', 'xmlns:md="urn:example:md"')), 'root must be md:EntityDescriptor');
    refusedWith(() => parseIdpMetadata(good.replace(`entityID="${ENTITY}"`, 'entityID=""')), 'entityID is missing');
  });

  it('requires exactly one IDPSSODescriptor that supports SAML 2.0', () => {
    const descriptor = /<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>/.exec(good)?.[0] ?? '';
    refusedWith(() => parseIdpMetadata(good.replace(descriptor, '')), 'exactly one IDPSSODescriptor is required');
    refusedWith(() => parseIdpMetadata(good.replace(descriptor, descriptor + descriptor)), 'exactly one IDPSSODescriptor is required');
    const without = good.replace(` protocolSupportEnumeration="${PROTOCOL}"`, '');
    refusedWith(() => parseIdpMetadata(without), 'IDPSSODescriptor does not support SAML 2.0');
    refusedWith(() => parseIdpMetadata(good.replace(PROTOCOL, 'urn:oasis:names:tc:SAML:1.1:protocol')), 'IDPSSODescriptor does not support SAML 2.0');
    const both = good.replace(PROTOCOL, `urn:oasis:names:tc:SAML:1.1:protocol \n ${PROTOCOL}`);
    assert.equal(parseIdpMetadata(both).entityId, ENTITY);
  });

  it('requires a SingleSignOnService and keeps each Binding and Location as given', () => {
    refusedWith(() => parseIdpMetadata(good.replace(/<md:SingleSignOnService[^>]*\/>/g, '')), 'no SingleSignOnService');
    const bare = good.replace(/<md:SingleSignOnService Binding="[^"]*:HTTP-POST" Location="[^"]*"\/>/, '<md:SingleSignOnService/>');
    const meta = parseIdpMetadata(bare);
    assert.deepEqual(meta.singleSignOnServices, [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: SSO },
      { Binding: '', Location: '' },
    ]);
    assert.equal(meta.redirectSsoUrl, SSO);
    const postOnly = good.replace(/<md:SingleSignOnService Binding="[^"]*:HTTP-Redirect"[^>]*\/>/, '');
    assert.equal(parseIdpMetadata(postOnly).redirectSsoUrl, undefined);
  });

  it('reads WantAuthnRequestsSigned="true" only, and a valid validUntil only', () => {
    const signed = (v: string): string => good.replace('<md:IDPSSODescriptor ', `<md:IDPSSODescriptor WantAuthnRequestsSigned="${v}" `);
    assert.equal(parseIdpMetadata(signed('true')).wantAuthnRequestsSigned, true);
    assert.equal(parseIdpMetadata(signed('false')).wantAuthnRequestsSigned, false);
    const until = (v: string): string => good.replace(`entityID="${ENTITY}"`, `entityID="${ENTITY}" validUntil="${v}"`);
    assert.equal(parseIdpMetadata(until('2031-02-03T04:05:06Z')).validUntil?.toISOString(), '2031-02-03T04:05:06.000Z');
    assert.equal(parseIdpMetadata(until('soon')).validUntil, undefined);
    assert.equal(parseIdpMetadata(until('')).validUntil, undefined);
    assert.equal(parseIdpMetadata(good).validUntil, undefined);
  });
});
