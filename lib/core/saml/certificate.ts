/**
 * Self-signed X.509 signing certificates for SAML metadata (Rolegate as the IdP IAM trusts, and our SP
 * signing/encryption keys). AWS needs an RSA key ≥ 1024 bits and no repeated extensions (AWS-FACTS §1.2);
 * we use RSA-2048 with SHA-256.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

export interface SigningCertificate {
  certPem: string;
  /** PKCS#8 PEM. Secret: the caller encrypts it before storing it. */
  privateKeyPem: string;
  notBefore: Date;
  notAfter: Date;
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Validity: `notBefore` plus `validDays`, or up to an explicit `notAfter` (whole seconds, as X.509 keeps). */
export type CertificateValidity = { notBefore: Date } & ({ validDays: number } | { notAfter: Date });

export async function generateSigningCertificate(input: { commonName: string } & CertificateValidity): Promise<SigningCertificate> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notAfter = 'notAfter' in input ? input.notAfter : new Date(input.notBefore.getTime() + input.validDays * 86_400_000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
    name: `CN=${input.commonName.replace(/[,=+<>#;"\\]/g, '-')}`,
    notBefore: input.notBefore,
    notAfter,
    signingAlgorithm: ALG,
    keys,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certPem: cert.toString('pem') + '\n', privateKeyPem: pem('PRIVATE KEY', pkcs8), notBefore: input.notBefore, notAfter };
}

/** The base64 body of a PEM certificate, as it appears in `<ds:X509Certificate>`. */
export function certBody(certPem: string): string {
  return certPem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}
