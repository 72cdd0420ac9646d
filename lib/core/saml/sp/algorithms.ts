/**
 * Algorithm allowlists, checked on the parsed signature and encryption elements before any cryptography
 * runs (AWS-FACTS §2 "Algorithm downgrade", "XSLT/XPath transforms", "Encrypted assertion"). xml-crypto would
 * refuse some of these on its own; checking first gives each its own error code and makes the policy ours.
 */
import { child, childElements, children, descendants, NS } from './xml';
import type { Trace } from './trace';

export const ALG = {
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha512: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  rsaPssSha256: 'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
  rsaOaepMgf1p: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
  rsa15: 'http://www.w3.org/2001/04/xmlenc#rsa-1_5',
  aes128Cbc: 'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
  aes256Cbc: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
  aes128Gcm: 'http://www.w3.org/2009/xmlenc11#aes128-gcm',
  aes256Gcm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
} as const;

/** What xml-crypto 6.3 can verify, minus SHA-1 unless the connection says DANGEROUSLY_ALLOW_SHA1. */
function signatureAllowlist(allowSha1: boolean): { sig: Set<string>; digest: Set<string> } {
  const sig = new Set<string>([ALG.rsaSha256, ALG.rsaSha512, ALG.rsaPssSha256]);
  const digest = new Set<string>([ALG.sha256, ALG.sha512]);
  if (allowSha1) {
    sig.add(ALG.rsaSha1);
    digest.add(ALG.sha1);
  }
  return { sig, digest };
}

const algorithmOf = (el: Element | undefined): string => el?.getAttribute('Algorithm') ?? '';

/** Transforms must be exactly enveloped-signature, then optionally exc-c14n (with InclusiveNamespaces only). */
function checkTransforms(reference: Element, trace: Trace): void {
  const transforms = descendants(reference, NS.ds, 'Transform');
  const algs = transforms.map((t) => algorithmOf(t));
  const shapeOk = algs[0] === ALG.enveloped && (algs.length === 1 || (algs.length === 2 && algs[1] === ALG.excC14n));
  const extrasOk = transforms.every((t) =>
    childElements(t).every((c) => c.namespaceURI === NS.ec && c.localName === 'InclusiveNamespaces'),
  );
  if (!shapeOk || !extrasOk) {
    throw trace.fail('SAML_TRANSFORM_FORBIDDEN', 'transforms', algs.join(', ') || 'none');
  }
}

/** Checks every ds:Signature: exc-c14n, an allowed signature method (never HMAC), allowed digests and transforms. */
export function checkSignatureAlgorithms(signatures: Element[], allowSha1: boolean, trace: Trace): void {
  const allowed = signatureAllowlist(allowSha1);
  for (const sig of signatures) {
    const signedInfo = child(sig, NS.ds, 'SignedInfo');
    if (!signedInfo) throw trace.fail('SAML_SCHEMA_INVALID', 'signature-algorithms', 'no SignedInfo');
    const c14n = algorithmOf(child(signedInfo, NS.ds, 'CanonicalizationMethod'));
    if (c14n !== ALG.excC14n) throw trace.fail('SAML_TRANSFORM_FORBIDDEN', 'canonicalization', c14n || 'none');
    const method = algorithmOf(child(signedInfo, NS.ds, 'SignatureMethod'));
    if (!allowed.sig.has(method)) {
      throw trace.fail('SAML_ALGORITHM_FORBIDDEN', 'signature-algorithm', /hmac/i.test(method) ? `HMAC ${method}` : method || 'none');
    }
    for (const ref of children(signedInfo, NS.ds, 'Reference')) {
      const digest = algorithmOf(child(ref, NS.ds, 'DigestMethod'));
      if (!allowed.digest.has(digest)) throw trace.fail('SAML_ALGORITHM_FORBIDDEN', 'digest-algorithm', digest || 'none');
      checkTransforms(ref, trace);
    }
  }
  trace.pass('algorithms');
}

const DATA_ALGS = new Set<string>([ALG.aes128Cbc, ALG.aes256Cbc, ALG.aes128Gcm, ALG.aes256Gcm]);

/**
 * EncryptedAssertion: AES-CBC or AES-GCM content, RSA-OAEP (MGF1, SHA-1 digest as xmlenc §5.4.2 defines)
 * key transport, exactly one EncryptedKey. RSA-1_5 is refused (Bleichenbacher; samlify still accepts it,
 * AWS-FACTS §2 [AUD F-6]).
 */
export function checkEncryptionAlgorithms(encrypted: Element, trace: Trace): void {
  const data = child(encrypted, NS.xenc, 'EncryptedData');
  const dataAlg = algorithmOf(data && child(data, NS.xenc, 'EncryptionMethod'));
  if (!DATA_ALGS.has(dataAlg)) throw trace.fail('SAML_ENCRYPTION_ALGORITHM_FORBIDDEN', 'data-encryption', dataAlg || 'none');
  const keys = descendants(encrypted, NS.xenc, 'EncryptedKey');
  if (keys.length !== 1) throw trace.fail('SAML_DECRYPTION_FAILED', 'key-transport', `${keys.length} EncryptedKey elements`);
  const method = child(keys[0] as Element, NS.xenc, 'EncryptionMethod');
  const keyAlg = algorithmOf(method);
  if (keyAlg !== ALG.rsaOaepMgf1p) throw trace.fail('SAML_ENCRYPTION_ALGORITHM_FORBIDDEN', 'key-transport', keyAlg || 'none');
  const oaepDigest = method && child(method, NS.ds, 'DigestMethod');
  if (oaepDigest && algorithmOf(oaepDigest) !== ALG.sha1) {
    throw trace.fail('SAML_ENCRYPTION_ALGORITHM_FORBIDDEN', 'key-transport', `OAEP digest ${algorithmOf(oaepDigest)}`);
  }
  trace.pass('encryption-algorithms', `${keyAlg} + ${dataAlg}`);
}
