/**
 * IdP metadata as IAM reads it for a SAML provider (AWS-FACTS §1.2): one EntityDescriptor whose entityID
 * is the expected Issuer, and the X.509 certificates of every signing KeyDescriptor (`use="signing"` or no
 * `use`) of its IDPSSODescriptor. Certificates must carry an RSA key of at least 1024 bits.
 */
import { X509Certificate } from 'node:crypto';
import { attr, childElements, descendants, is, NS, parseStrictXml, textOf } from './saml-xml';

export interface SamlMetadata {
  entityId: string;
  /** PEM certificates trusted to sign Responses / Assertions. */
  certificates: string[];
}

export class SamlMetadataError extends Error {
  override readonly name = 'SamlMetadataError';
}

const fail = (message: string): never => {
  throw new SamlMetadataError(`Could not parse metadata: ${message}`);
};

function toPem(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) fail('an X509Certificate is not base64');
  const lines = body.replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${lines}\n-----END CERTIFICATE-----\n`;
}

function checkCertificate(pem: string): void {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (err) {
    throw new SamlMetadataError('Could not parse metadata: invalid X509Certificate', {
      cause: err,
    });
  }
  const key = cert.publicKey;
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < 1024) {
    fail('signing certificates must carry an RSA key of at least 1024 bits');
  }
}

function signingCertificates(idp: Element): string[] {
  const pems: string[] = [];
  for (const kd of childElements(idp, NS.metadata, 'KeyDescriptor')) {
    const use = attr(kd, 'use');
    if (use !== undefined && use !== 'signing') continue;
    for (const x509 of descendants(kd, NS.dsig, 'X509Certificate')) {
      const pem = toPem(textOf(x509));
      checkCertificate(pem);
      pems.push(pem);
    }
  }
  return pems;
}

/** Parses IdP metadata; throws SamlMetadataError ("Could not parse metadata: …") when IAM would refuse it. */
export function parseSamlMetadata(xml: string): SamlMetadata {
  let doc: Document;
  try {
    doc = parseStrictXml(xml.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SamlMetadataError(`Could not parse metadata: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const root = doc.documentElement;
  if (!root || !is(root, NS.metadata, 'EntityDescriptor')) {
    return fail('the root element must be one md:EntityDescriptor');
  }
  const entityId = attr(root, 'entityID') ?? '';
  if (entityId.length === 0 || entityId.length > 1024) fail('entityID must be 1-1024 characters');
  const idps = childElements(root, NS.metadata, 'IDPSSODescriptor').filter((d) =>
    (attr(d, 'protocolSupportEnumeration') ?? '').split(/\s+/).includes(NS.protocol),
  );
  if (idps.length === 0) fail('no IDPSSODescriptor supporting SAML 2.0');
  const certificates = idps.flatMap(signingCertificates);
  if (certificates.length === 0) fail('no signing certificate (KeyDescriptor X509Certificate)');
  return { entityId, certificates };
}
