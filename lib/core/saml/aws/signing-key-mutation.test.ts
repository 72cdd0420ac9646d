/**
 * Issue 12 §8: only an RSA (PKCS#1 v1.5, rsaEncryption) key of at least 2048 bits signs AWS
 * assertions (./sign `assertSigner`) or is published in our IAM metadata (./metadata). Each test
 * builds a key that breaks exactly one of the conditions, so each condition must hold on its own.
 * AWS-FACTS §1.2: IAM needs RSA ≥ 1024 and verifies RSA-SHA256; we require 2048.
 */
import 'reflect-metadata';
import assert from 'node:assert/strict';
import { createPrivateKey, webcrypto, X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import * as x509 from '@peculiar/x509';
import { GatewayError } from '../../errors';
import { awsIdpMetadataXml } from './metadata';
import { assertSigner, type SamlSigner } from './sign';
import { cert, ISSUER, SSO_URL } from './test-fixtures';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** A self-signed certificate and PKCS#8 key for `alg` (RSA of any size, or ECDSA). */
async function keyPair(alg: RsaHashedKeyGenParams | EcKeyGenParams): Promise<SamlSigner> {
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const c = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=rolegate-weak',
    notBefore: new Date('2026-03-01T00:00:00Z'),
    notAfter: new Date('2026-04-01T00:00:00Z'),
    signingAlgorithm: 'hash' in alg ? alg : { ...alg, hash: 'SHA-256' },
    keys,
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return {
    certPem: c.toString('pem'),
    privateKeyPem: String(key.export({ format: 'pem', type: 'pkcs8' })),
  };
}

const RSA_ENCRYPTION = '300d06092a864886f70d0101010500';
const RSASSA_PSS = '300b06092a864886f70d01010a';

function derLength(bytes: number): string {
  if (bytes < 0x80) return bytes.toString(16).padStart(2, '0');
  const hex = bytes.toString(16).padStart(bytes > 0xff ? 4 : 2, '0');
  return (0x80 + hex.length / 2).toString(16) + hex;
}

/** Re-encodes DER (hex) with every rsaEncryption AlgorithmIdentifier replaced by RSASSA-PSS. */
function toPss(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length;) {
    const tag = parseInt(hex.slice(i, i + 2), 16);
    let len = parseInt(hex.slice(i + 2, i + 4), 16);
    let head = 4;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = parseInt(hex.slice(i + 4, i + 4 + 2 * n), 16);
      head += 2 * n;
    }
    const tlv = hex.slice(i, i + head + 2 * len);
    const body = tlv.slice(head);
    const inner = tag & 0x20 ? toPss(body) : body;
    out +=
      tlv === RSA_ENCRYPTION
        ? RSASSA_PSS
        : tag.toString(16).padStart(2, '0') + derLength(inner.length / 2) + inner;
    i += tlv.length;
  }
  return out;
}

/**
 * The current RSA-2048 signer with key and certificate re-labelled RSASSA-PSS: same modulus, the
 * key still matches the certificate, but Node signs with PSS padding, which an RSA-SHA256 (PKCS#1
 * v1.5) verifier such as IAM rejects.
 */
async function pssSigner(): Promise<SamlSigner> {
  const c = await cert();
  const keyDer = createPrivateKey(c.privateKeyPem).export({ format: 'der', type: 'pkcs8' });
  const key = createPrivateKey({
    key: Buffer.from(toPss(keyDer.toString('hex')), 'hex'),
    format: 'der',
    type: 'pkcs8',
  });
  const certDer = Buffer.from(toPss(new X509Certificate(c.certPem).raw.toString('hex')), 'hex');
  const pss = new X509Certificate(certDer);
  assert.equal(key.asymmetricKeyType, 'rsa-pss');
  assert.equal(pss.publicKey.asymmetricKeyType, 'rsa-pss');
  assert.equal(pss.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
  assert.ok(pss.checkPrivateKey(key), 'the fixture key must match its certificate');
  return {
    privateKeyPem: String(key.export({ format: 'pem', type: 'pkcs8' })),
    certPem: pss.toString(),
  };
}

const rsa1024: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 1024,
};
const p256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

function signerRejected(signer: SamlSigner, why: string): void {
  assert.throws(
    () => assertSigner(signer),
    (e: unknown) =>
      e instanceof GatewayError &&
      e.code === 'SIGNING_KEY_UNAVAILABLE' &&
      e.message === 'SAML signing key/certificate unusable' &&
      e.cause instanceof Error &&
      e.cause.message === why,
  );
}

function metadataRejected(certPem: string, why: string): void {
  assert.throws(
    () => awsIdpMetadataXml({ entityId: ISSUER, ssoUrl: SSO_URL, certificatesPem: [certPem] }),
    (e: unknown) =>
      e instanceof GatewayError &&
      e.code === 'SIGNING_KEY_UNAVAILABLE' &&
      e.message === 'metadata certificate: #1 is not a usable RSA certificate' &&
      e.cause instanceof Error &&
      e.cause.message === why,
  );
}

test('issue 12 §8: the current RSA-2048 signer is accepted (the baseline the rejections differ from)', async () => {
  const c = await cert();
  assert.doesNotThrow(() => assertSigner({ privateKeyPem: c.privateKeyPem, certPem: c.certPem }));
});

test('issue 12 §8: an RSA-1024 key and certificate are refused (we sign with RSA ≥ 2048)', async () => {
  const weak = await keyPair(rsa1024);
  signerRejected(weak, 'not RSA-2048+');
  metadataRejected(weak.certPem, 'not RSA-2048+');
});

test('issue 12 §8: an RSA-PSS key is refused: IAM verifies RSA-SHA256 with PKCS#1 v1.5 padding', async () => {
  const pss = await pssSigner();
  signerRejected(pss, 'not RSA-2048+');
  metadataRejected(pss.certPem, 'not RSA-2048+');
});

test('issue 12 §8: an ECDSA key is refused (not RSA)', async () => {
  const ec = await keyPair(p256);
  signerRejected(ec, 'not RSA-2048+');
  metadataRejected(ec.certPem, 'not RSA-2048+');
});

test('issue 12 §8: a key that does not match the certificate is refused ("Response signature invalid")', async () => {
  const current = await cert('current');
  const next = await cert('next');
  signerRejected(
    { privateKeyPem: next.privateKeyPem, certPem: current.certPem },
    'key does not match certificate',
  );
});
