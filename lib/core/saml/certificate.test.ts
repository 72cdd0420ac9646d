import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { certBody, generateSigningCertificate } from './certificate';

test('generates a self-signed RSA-2048 SHA-256 certificate whose key pair matches', async () => {
  const notBefore = new Date('2026-01-01T00:00:00Z');
  const c = await generateSigningCertificate({ commonName: 'Rolegate, Inc <test>', notBefore, validDays: 365 });
  const cert = new X509Certificate(c.certPem);
  assert.equal(cert.subject, 'CN=Rolegate- Inc -test-');
  assert.equal(new Date(cert.validTo).getTime(), c.notAfter.getTime());
  assert.equal(createPublicKey(c.certPem).asymmetricKeyDetails?.modulusLength, 2048);
  assert.ok(cert.checkPrivateKey(createPrivateKey(c.privateKeyPem)));
  assert.ok(cert.verify(cert.publicKey));
  assert.equal(Buffer.from(certBody(c.certPem), 'base64').length > 500, true);
});
