/**
 * Parses an IdP's `<md:EntityDescriptor>` once per connection (saml-metadata §2.3.2, §2.4.3) into what the
 * SP needs: the entityID, the signing certificates with their public keys imported once, and the SSO
 * endpoints. Only metadata certificates are ever trusted (xml-crypto CVE-2024-32962, AWS-FACTS §2).
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { GatewayError } from '../../errors';
import { attr, children, descendants, NS, parseXml, textOf } from './xml';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const MIN_RSA_BITS = 2048;

export interface TrustedCert {
  /** Base64 DER, whitespace removed: the form samlify compares. */
  body: string;
  key: KeyObject;
  /** The certificate's notAfter (shown to admins with an expiry warning). */
  notAfter: Date;
  subject: string;
}

export interface IdpMetadata {
  entityId: string;
  signingCerts: TrustedCert[];
  singleSignOnServices: Array<{ Binding: string; Location: string }>;
  redirectSsoUrl?: string;
  wantAuthnRequestsSigned: boolean;
  /**
   * The IdP's HTTP-Redirect SingleLogoutService (saml-metadata §2.2.2: responses go to ResponseLocation,
   * else Location), when it has one: the only binding we send logout messages by (slo.md in the README).
   */
  redirectSlo?: { location: string; responseLocation: string };
  /** The metadata's own validUntil (saml-metadata §2.3.2), when it has one. */
  validUntil?: Date;
}

function invalid(message: string, cause?: unknown): GatewayError {
  return new GatewayError('SAML_METADATA_INVALID', `IdP metadata: ${message}`, { cause });
}

/** Imports a certificate body; refuses non-RSA keys and RSA keys under 2048 bits. */
export function importCert(body: string): TrustedCert {
  const normalized = body.replace(/\s/g, '');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(normalized, 'base64'));
  } catch (e) {
    throw invalid('a signing certificate does not parse', e);
  }
  const key = cert.publicKey;
  // Stryker disable next-line OptionalChaining: Node sets asymmetricKeyDetails on every public KeyObject; `?.` is for the type
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < MIN_RSA_BITS) throw invalid(`signing key must be RSA ≥ ${MIN_RSA_BITS} bits`);
  return { body: normalized, key, notAfter: new Date(cert.validTo), subject: cert.subject };
}

/** Signing certificates: KeyDescriptors with use="signing" or no use (saml-metadata §2.4.1.1). */
function signingCerts(descriptor: Element): TrustedCert[] {
  const certs = children(descriptor, MD, 'KeyDescriptor')
    .filter((kd) => (attr(kd, 'use') ?? 'signing') === 'signing')
    .flatMap((kd) => descendants(kd, NS.ds, 'X509Certificate'))
    .map((el) => importCert(textOf(el)));
  const unique = new Map(certs.map((c) => [c.body, c]));
  if (unique.size === 0) throw invalid('no signing certificate');
  return [...unique.values()];
}

const isHttpUrl = (url: string | undefined): url is string => /^https?:\/\/./i.test(String(url));

/** The first HTTP-Redirect SingleLogoutService with an http(s) Location: where the browser is sent. */
function redirectSloOf(descriptor: Element): IdpMetadata['redirectSlo'] {
  const slo = children(descriptor, MD, 'SingleLogoutService').find((s) => attr(s, 'Binding') === BINDING_REDIRECT && isHttpUrl(attr(s, 'Location')));
  if (!slo) return undefined;
  const location = attr(slo, 'Location') as string;
  const responseLocation = attr(slo, 'ResponseLocation');
  return { location, responseLocation: isHttpUrl(responseLocation) ? responseLocation : location };
}

/** The validUntil instant; absent, empty or unreadable counts as none. */
function validUntilOf(root: Element): Date | undefined {
  const at = new Date(attr(root, 'validUntil') ?? Number.NaN);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** Parses and checks IdP metadata. Throws GatewayError SAML_METADATA_INVALID. */
export function parseIdpMetadata(xml: string): IdpMetadata {
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(xml)) throw invalid('DOCTYPE is not allowed');
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch (e) {
    throw invalid('not well-formed XML', e);
  }
  const root = doc.documentElement;
  if (root.namespaceURI !== MD || root.localName !== 'EntityDescriptor') throw invalid('root must be md:EntityDescriptor');
  const entityId = attr(root, 'entityID');
  if (!entityId) throw invalid('entityID is missing');
  const descriptors = children(root, MD, 'IDPSSODescriptor');
  if (descriptors.length !== 1) throw invalid('exactly one IDPSSODescriptor is required');
  const descriptor = descriptors[0] as Element;
  // Split on each whitespace character: a run of them only adds empty tokens, which never equal the URI.
  const protocols = attr(descriptor, 'protocolSupportEnumeration')?.split(/\s/);
  if (!protocols?.includes(NS.samlp)) {
    throw invalid('IDPSSODescriptor does not support SAML 2.0');
  }
  const singleSignOnServices = children(descriptor, MD, 'SingleSignOnService').map((s) => ({
    Binding: attr(s, 'Binding') ?? '',
    Location: attr(s, 'Location') ?? '',
  }));
  if (singleSignOnServices.length === 0) throw invalid('no SingleSignOnService');
  return {
    entityId,
    signingCerts: signingCerts(descriptor),
    singleSignOnServices,
    redirectSsoUrl: singleSignOnServices.find((s) => s.Binding === BINDING_REDIRECT)?.Location,
    wantAuthnRequestsSigned: attr(descriptor, 'WantAuthnRequestsSigned') === 'true',
    redirectSlo: redirectSloOf(descriptor),
    validUntil: validUntilOf(root),
  };
}

