/**
 * Enveloped XML signature over the one `<saml:Assertion>` of an AWS-bound Response, with xml-crypto
 * directly. Algorithms per AWS-FACTS §0.3/§1.2: RSA-SHA256, exclusive c14n, SHA-256 digest (AWS
 * publishes no list; this is what its SP metadata and real ADFS output use; never SHA-1).
 */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { GatewayError } from '../../errors';
import { NS } from './names';

/** The algorithm URIs we sign with (XMLDSig 1.1 §6; RFC 6931 §2.3.2 rsa-sha256). */
export const SIGNATURE_ALGORITHMS = {
  signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  canonicalization: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
} as const;

/** The IdP signing key and its certificate (the one published first in our IAM metadata). */
export interface SamlSigner {
  /** PKCS#8 (or PKCS#1) PEM RSA private key. */
  privateKeyPem: string;
  /** PEM certificate whose public key matches `privateKeyPem`. */
  certPem: string;
}

/** Smallest RSA modulus we sign with (AWS accepts ≥ 1024, AWS-FACTS §1.2; we use 2048). */
export const MIN_RSA_BITS = 2048;

/**
 * True for an `rsa` (rsaEncryption) key of at least {@link MIN_RSA_BITS} bits. Not `rsa-pss`: Node
 * signs with such a key using PSS padding, which an RSA-SHA256 (PKCS#1 v1.5) verifier like IAM
 * rejects. Used for our signing key and for every certificate we publish.
 */
export function isSigningRsaKey(key: KeyObject): boolean {
  // Stryker disable next-line OptionalChaining: Node sets asymmetricKeyDetails on every asymmetric KeyObject; `?.` only satisfies its type
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  return key.asymmetricKeyType === 'rsa' && bits >= MIN_RSA_BITS;
}

/**
 * Throws `SIGNING_KEY_UNAVAILABLE` unless the key is RSA ≥ {@link MIN_RSA_BITS} bits and matches
 * the certificate: a mismatch would yield assertions IAM rejects as "Response signature invalid".
 */
export function assertSigner(signer: SamlSigner): void {
  try {
    const key = createPrivateKey(signer.privateKeyPem);
    const cert = new X509Certificate(signer.certPem);
    if (!isSigningRsaKey(key)) throw new Error('not RSA-2048+');
    if (!cert.checkPrivateKey(key)) throw new Error('key does not match certificate');
  } catch (cause) {
    throw new GatewayError('SIGNING_KEY_UNAVAILABLE', 'SAML signing key/certificate unusable', {
      cause,
    });
  }
}

const ASSERTION = `/*[local-name()='Response' and namespace-uri()='${NS.samlp}']/*[local-name()='Assertion' and namespace-uri()='${NS.saml}']`;

/**
 * Signs the Assertion inside `responseXml` (whose ID attribute is referenced as `#ID`, URI per
 * saml-core-2.0-os §5.4.2) and places `<ds:Signature>` right after the Assertion's `<saml:Issuer>`,
 * where the schema (saml-schema-assertion-2.0 `AssertionType`) requires it. KeyInfo carries the
 * X509Certificate (SAML core §5.4.5 allows it; IAM verifies against the metadata certificates).
 */
export function signAssertion(responseXml: string, signer: SamlSigner): string {
  const sig = new SignedXml({
    privateKey: signer.privateKeyPem,
    publicCert: signer.certPem,
    signatureAlgorithm: SIGNATURE_ALGORITHMS.signature,
    canonicalizationAlgorithm: SIGNATURE_ALGORITHMS.canonicalization,
  });
  sig.addReference({
    xpath: ASSERTION,
    transforms: [SIGNATURE_ALGORITHMS.enveloped, SIGNATURE_ALGORITHMS.canonicalization],
    digestAlgorithm: SIGNATURE_ALGORITHMS.digest,
  });
  sig.computeSignature(responseXml, {
    prefix: 'ds',
    location: {
      reference: `${ASSERTION}/*[local-name()='Issuer' and namespace-uri()='${NS.saml}']`,
      action: 'after',
    },
  });
  return sig.getSignedXml();
}
