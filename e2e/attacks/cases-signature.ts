/**
 * Signature attacks: unsigned / stripped signatures, keys that are not in the metadata (xml-crypto
 * CVE-2024-32962), algorithm downgrades (SHA-1, HMAC key confusion), forbidden transforms and
 * canonicalization (XSLT, #WithComments), tampering after signing, signature references that do not point
 * at their parent (AWS-FACTS §2).
 */
import { SignedXml } from 'xml-crypto';
import { ALG } from '../../lib/core/saml/sp/algorithms';
import { freshCert } from '../../lib/core/saml/sp/testing/test-idp';
import { DS, edit, first, SAML } from './dom';
import type { AttackCase } from './case';

const XSLT = 'http://www.w3.org/TR/1999/REC-xslt-19991116';
const HMAC_SHA1 = 'http://www.w3.org/2000/09/xmldsig#hmac-sha1';

/** Re-signs the Assertion with HMAC-SHA1 keyed by the IdP's *public* certificate (classic key confusion). */
function hmacResign(xml: string, publicCertPem: string): string {
  const unsigned = edit(xml, (doc) => {
    const sig = first(doc, DS, 'Signature');
    sig.parentNode?.removeChild(sig);
  });
  const sig = new SignedXml({ privateKey: Buffer.from(publicCertPem), canonicalizationAlgorithm: ALG.excC14n });
  sig.enableHMAC();
  sig.signatureAlgorithm = HMAC_SHA1;
  sig.addReference({ xpath: "/*/*[local-name(.)='Assertion']", transforms: [ALG.enveloped, ALG.excC14n], digestAlgorithm: ALG.sha256 });
  sig.computeSignature(unsigned, { prefix: 'ds', location: { reference: "/*/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' } });
  return sig.getSignedXml();
}

export const signatureCases: AttackCase[] = [
  { name: 'unsigned response and assertion', expect: 'SAML_SIGNATURE_MISSING', issue: { style: { signAssertion: false } } },
  {
    name: 'signature stripped from a signed response',
    expect: 'SAML_SIGNATURE_MISSING',
    mutate: (x) => edit(x, (d) => first(d, DS, 'Signature').parentNode?.removeChild(first(d, DS, 'Signature'))),
  },
  {
    name: 'NameID changed after signing',
    expect: 'SAML_SIGNATURE_INVALID',
    mutate: (x) => x.replace('mallory@example.com', 'admin@example.com'),
  },
  {
    name: 'signed by an attacker key whose certificate is in KeyInfo, not in metadata',
    expect: 'SAML_CERT_NOT_TRUSTED',
    run: async (w) => {
      const evil = await freshCert('attacker');
      const { xml, requestId } = await w.issue('adfs', { signing: { privateKeyPem: evil.privateKeyPem, certPem: evil.certPem } });
      return w.validate(w.peers.adfs, xml, { requestIds: [requestId] });
    },
  },
  {
    name: 'signed by an attacker key without KeyInfo',
    expect: 'SAML_SIGNATURE_INVALID',
    run: async (w) => {
      const evil = await freshCert('attacker');
      const { xml, requestId } = await w.issue('adfs', { signing: { privateKeyPem: evil.privateKeyPem, certPem: evil.certPem, keyInfo: false } });
      return w.validate(w.peers.adfs, xml, { requestIds: [requestId] });
    },
  },
  {
    name: 'RSA-SHA1 signature while SHA-1 is not allowed',
    expect: 'SAML_ALGORITHM_FORBIDDEN',
    issue: { signing: { signatureAlgorithm: ALG.rsaSha1, digestAlgorithm: ALG.sha1 } },
  },
  { name: 'SHA-1 digest under an RSA-SHA256 signature', expect: 'SAML_ALGORITHM_FORBIDDEN', issue: { signing: { digestAlgorithm: ALG.sha1 } } },
  {
    name: 'HMAC-SHA1 signature keyed with the public certificate',
    expect: 'SAML_ALGORITHM_FORBIDDEN',
    run: async (w) => {
      const { xml, requestId } = await w.issue('adfs');
      return w.validate(w.peers.adfs, hmacResign(xml, w.peers.adfs.idp.cert.certPem), { requestIds: [requestId] });
    },
  },
  {
    name: 'XSLT transform in the signature reference',
    expect: 'SAML_TRANSFORM_FORBIDDEN',
    mutate: (x) =>
      edit(x, (d) => {
        const transform = d.getElementsByTagNameNS(DS, 'Transform').item(1) as Element;
        transform.setAttribute('Algorithm', XSLT);
        const sheet = d.createElementNS('http://www.w3.org/1999/XSL/Transform', 'xsl:stylesheet');
        sheet.setAttribute('version', '1.0');
        transform.appendChild(sheet);
      }),
  },
  {
    name: 'exc-c14n #WithComments canonicalization',
    expect: 'SAML_TRANSFORM_FORBIDDEN',
    mutate: (x) => x.replace(/(CanonicalizationMethod Algorithm="http:\/\/www\.w3\.org\/2001\/10\/xml-exc-c14n#)"/, '$1WithComments"'),
  },
  {
    name: 'signature Reference URI="" (whole document) instead of its parent',
    expect: 'SAML_WRAPPING_DETECTED',
    mutate: (x) => x.replace(/<ds:Reference URI="#[^"]*"/, '<ds:Reference URI=""'),
  },
  {
    name: 'duplicate ID attribute (signed ID reused on another element)',
    expect: 'SAML_WRAPPING_DETECTED',
    mutate: (x) =>
      edit(x, (d) => {
        const id = first(d, SAML, 'Assertion').getAttribute('ID') as string;
        first(d, SAML, 'AuthnContextClassRef').setAttribute('ID', id);
      }),
  },
];
