/**
 * IdP metadata of each shape, in that product's layout: ADFS and Entra publish a signed, default-namespace
 * EntityDescriptor with an ID; Okta uses `md:`-prefixed elements; Shibboleth adds a `shibmd:Scope` extension.
 * All advertise one signing key and the HTTP-Redirect and HTTP-POST SingleSignOnService at `<prefix>/sso`.
 */
import { randomUUID } from 'node:crypto';

import * as samlify from 'samlify';

import { el, NS } from './response-xml';
import { NAMEID_FORMAT_URNS, type ShapeInfo } from './shapes';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const SHIBMD = 'urn:mace:shibboleth:metadata:1.0';
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

export interface MetadataInput {
  readonly shape: ShapeInfo;
  readonly entityId: string;
  readonly ssoUrl: string;
  /** base64 DER of the signing certificate. */
  readonly certBody: string;
  readonly privateKeyPem: string;
  /** `WantAuthnRequestsSigned="true"` (default false, as the four products publish or imply). */
  readonly wantAuthnRequestsSigned?: boolean;
}

function keyDescriptor(m: string, certBody: string): string {
  const x509 = el('ds:X509Data', {}, [el('ds:X509Certificate', {}, certBody)]);
  return el(`${m}KeyDescriptor`, { use: 'signing' }, [el('ds:KeyInfo', { 'xmlns:ds': NS.dsig }, [x509])]);
}

function unsignedMetadata(input: MetadataInput): string {
  const { shape } = input;
  const m = shape.id === 'okta' ? 'md:' : '';
  const extensions = shape.id === 'shibboleth'
    ? [el(`${m}Extensions`, {}, [el('shibmd:Scope', { 'xmlns:shibmd': SHIBMD, regexp: 'false' }, 'example.com')])]
    : [];
  const formats = shape.nameIdFormats.map((f) => el(`${m}NameIDFormat`, {}, NAMEID_FORMAT_URNS[f]));
  const sso = [samlify.Constants.namespace.binding.redirect, samlify.Constants.namespace.binding.post]
    .map((binding) => el(`${m}SingleSignOnService`, { Binding: binding, Location: input.ssoUrl }));
  const descriptor = el(`${m}IDPSSODescriptor`, {
    WantAuthnRequestsSigned: String(input.wantAuthnRequestsSigned ?? false),
    protocolSupportEnumeration: NS.protocol,
  }, [...extensions, keyDescriptor(m, input.certBody), ...formats, ...sso]);
  return el(`${m}EntityDescriptor`, {
    [m === '' ? 'xmlns' : 'xmlns:md']: MD,
    ID: shape.signedMetadata ? `_${randomUUID()}` : undefined,
    entityID: input.entityId,
  }, [descriptor]);
}

/** The metadata XML; signed (enveloped, RSA-SHA256, exc-c14n) for the shapes whose product signs it. */
export function buildMetadata(input: MetadataInput): string {
  const xml = unsignedMetadata(input);
  if (!input.shape.signedMetadata) return xml;
  return samlify.SamlLib.constructSAMLSignature({
    rawSamlMessage: xml,
    isMessageSigned: true,
    isBase64Output: false,
    privateKey: input.privateKeyPem,
    signingCert: input.certBody,
    signatureAlgorithm: RSA_SHA256,
    signatureConfig: { prefix: 'ds', location: { reference: "/*[local-name(.)='EntityDescriptor']", action: 'prepend' } },
  });
}
