/**
 * SAML fixtures for the emulator tests: names, IdP signing keys (generated once per process) and IdP
 * metadata. Signed Responses are built by test-saml-response.ts; both are re-exported by
 * test-saml-harness.ts.
 */
import { generateSigningCertificate } from '../../../lib/core/saml/certificate';
import { ACCOUNT } from './test-issuer';
import { escapeXml as x } from './xml';

export const ENTITY_ID = 'https://idp.rolegate.test/saml';
export const SAML_PROVIDER = 'rolegate';
export const SAML_PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:saml-provider/${SAML_PROVIDER}`;
export const SAML_ROLE = 'rolegate-saml';
export const AWS_SIGNIN_SAML = 'https://signin.aws.amazon.com/saml';
export const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
export const ATTR = 'https://aws.amazon.com/SAML/Attributes/';

export interface SamlKey {
  certPem: string;
  privateKeyPem: string;
}

let keys: Promise<{ idp: SamlKey; other: SamlKey }> | undefined;

/** The IdP's key (in the metadata) and an attacker's key (not in it); generated once. */
export function samlKeys(): Promise<{ idp: SamlKey; other: SamlKey }> {
  const make = (commonName: string): Promise<SamlKey> =>
    generateSigningCertificate({ commonName, notBefore: new Date(), validDays: 30 });
  keys ??= Promise.all([make('idp.rolegate.test'), make('evil.test')]).then(([idp, other]) => ({
    idp,
    other,
  }));
  return keys;
}

/** The base64 body of a PEM certificate, as in `<ds:X509Certificate>`. */
export const certBody = (pem: string): string => pem.replace(/-----[A-Z ]+-----|\s+/g, '');

export function idpMetadata(certPems: string[], entityId = ENTITY_ID): string {
  const keyDescriptors = certPems.map(
    (pem) =>
      `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(pem)}` +
      '</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${x(entityId)}">` +
    '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
    keyDescriptors.join('') +
    '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.rolegate.test/sso"/>' +
    '</md:IDPSSODescriptor></md:EntityDescriptor>'
  );
}

/** A Role attribute value: `role ARN,provider ARN`. */
export function rolePair(role = SAML_ROLE, provider = SAML_PROVIDER_ARN): string {
  return `arn:aws:iam::${ACCOUNT}:role/${role},${provider}`;
}
