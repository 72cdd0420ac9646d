/**
 * Test-only: XML-DSig signing (xml-crypto, RSA-SHA256 + exc-c14n unless told otherwise) and assertion
 * encryption (samlify's own encryptAssertion), as an IdP would do them.
 */
import { SamlLib } from 'samlify';
import { SignedXml } from 'xml-crypto';
import { ALG } from '../algorithms';
import { certBody } from '../../certificate';

export interface SignOptions {
  privateKeyPem: string;
  certPem: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  transforms?: string[];
  inclusivePrefixes?: string;
  /** false: no KeyInfo at all. */
  keyInfo?: boolean;
}

/** Signs the element `target` ('Assertion' or 'Response'), placing the Signature right after its Issuer. */
export function signElement(xml: string, target: 'Assertion' | 'Response', o: SignOptions): string {
  const sig = new SignedXml({
    privateKey: o.privateKeyPem,
    publicCert: o.certPem,
    signatureAlgorithm: o.signatureAlgorithm ?? ALG.rsaSha256,
    canonicalizationAlgorithm: ALG.excC14n,
    getKeyInfoContent: o.keyInfo === false ? () => null : undefined,
  });
  const xpath = target === 'Response' ? '/*' : "/*/*[local-name(.)='Assertion']";
  sig.addReference({
    xpath,
    transforms: o.transforms ?? [ALG.enveloped, ALG.excC14n],
    digestAlgorithm: o.digestAlgorithm ?? ALG.sha256,
    inclusiveNamespacesPrefixList: o.inclusivePrefixes ? o.inclusivePrefixes.split(' ') : [],
  });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

/** Replaces the Response's one Assertion by an EncryptedAssertion for `spEncryptionCertPem`. */
export async function encryptAssertion(xml: string, spEncryptionCertPem: string, data: string, key: string): Promise<string> {
  const source = {
    entitySetting: { isAssertionEncrypted: true, dataEncryptionAlgorithm: data, keyEncryptionAlgorithm: key, tagPrefix: { encryptedAssertion: 'saml' } },
  };
  const target = { entityMeta: { getX509Certificate: () => certBody(spEncryptionCertPem) } };
  // samlify's entity types are classes; its encryptAssertion only reads these fields.
  const b64 = await SamlLib.encryptAssertion(source as never, target as never, xml);
  return Buffer.from(b64, 'base64').toString('utf8');
}
