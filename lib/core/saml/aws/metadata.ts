/**
 * Rolegate's IdP metadata, for upload to IAM CreateSAMLProvider / UpdateSAMLProvider
 * (`SAMLMetadataDocument`). IAM takes the entityID as the expected assertion Issuer and verifies
 * signatures with the `use="signing"` certificates only (AWS-FACTS §1.2: "cert rotation without
 * metadata update → Response signature invalid"), so the next certificate is published here before
 * it signs anything. Schema: saml-metadata-2.0-os §2.3.2 (EntityDescriptor), §2.4.1
 * (RoleDescriptor/KeyDescriptor), §2.4.3 (IDPSSODescriptor).
 */
import { X509Certificate } from 'node:crypto';
import { GatewayError } from '../../errors';
import { certBody } from '../certificate';
import { fillRoot, serialize, samlTime, XML_DECLARATION, xmlBuilder, type XmlBuilder } from './dom';
import { NS, SAML } from './names';
import { isSigningRsaKey } from './sign';
import { assertSamlUrl } from './values';

/** Input of {@link awsIdpMetadataXml}. */
export interface AwsIdpMetadataInput {
  /** Our IdP entity id: the Issuer of every assertion. */
  entityId: string;
  /** Where the SSO service listens (HTTP-POST and HTTP-Redirect bindings). */
  ssoUrl: string;
  /** PEM certificates: the current signing one first, then the next one (rotation). 1–2. */
  certificatesPem: readonly string[];
  /** Optional metadata expiry (saml-metadata-2.0-os §2.3.2 `validUntil`). */
  validUntil?: Date;
  /** Accept `http:` URLs. Only for the local demo against the AWS emulator. */
  allowHttp?: boolean;
}

/** Current + next: the most certificates a rotation needs at once. */
export const MAX_METADATA_CERTIFICATES = 2;

function badCertificate(why: string, cause?: unknown): never {
  throw new GatewayError('SIGNING_KEY_UNAVAILABLE', `metadata certificate: ${why}`, { cause });
}

/** Validates the PEMs (X.509, RSA ≥ 2048, distinct) and returns their base64 DER bodies. */
function certificateBodies(pems: readonly string[]): string[] {
  if (!Array.isArray(pems) || pems.length < 1 || pems.length > MAX_METADATA_CERTIFICATES) {
    badCertificate(`expected 1–${MAX_METADATA_CERTIFICATES} certificates`);
  }
  const bodies = pems.map((pem, i) => {
    try {
      const cert = new X509Certificate(pem);
      if (!isSigningRsaKey(cert.publicKey)) throw new Error('not RSA-2048+');
      const body = cert.raw.toString('base64');
      // One certificate per entry: a PEM bundle would otherwise publish only its first cert.
      if (body !== certBody(pem)) throw new Error('PEM holds more than one certificate');
      return body;
    } catch (cause) {
      return badCertificate(`#${i + 1} is not a usable RSA certificate`, cause);
    }
  });
  if (new Set(bodies).size !== bodies.length)
    badCertificate('the same certificate is listed twice');
  return bodies;
}

function keyDescriptor(b: XmlBuilder, body: string): Element {
  const data = b.el('ds:X509Data', {}, [b.el('ds:X509Certificate', {}, [body])]);
  return b.el('md:KeyDescriptor', { use: 'signing' }, [b.el('ds:KeyInfo', {}, [data])]);
}

/**
 * Returns the IdP `EntityDescriptor` as UTF-8 XML text (declaration included, no BOM): an
 * `IDPSSODescriptor` for SAML 2.0 with one `KeyDescriptor use="signing"` per certificate (in the
 * given order), NameIDFormat persistent and SingleSignOnService HTTP-POST and HTTP-Redirect at
 * `ssoUrl`. Throws `SAML_ATTRIBUTE_INVALID` for a bad entityId/ssoUrl (https only unless
 * `allowHttp`) or validUntil, `SIGNING_KEY_UNAVAILABLE` for bad certificates.
 */
export function awsIdpMetadataXml(input: AwsIdpMetadataInput): string {
  const allowHttp = input.allowHttp === true;
  const entityId = assertSamlUrl('entityId', input.entityId, allowHttp);
  const ssoUrl = assertSamlUrl('ssoUrl', input.ssoUrl, allowHttp);
  const bodies = certificateBodies(input.certificatesPem);
  const rootAttrs: Record<string, string> = { entityID: entityId };
  if (input.validUntil !== undefined) {
    if (!(input.validUntil instanceof Date) || Number.isNaN(input.validUntil.getTime())) {
      throw new GatewayError('SAML_ATTRIBUTE_INVALID', 'validUntil is not a date', {
        publicDetail: 'validUntil: it must be a valid date',
      });
    }
    rootAttrs.validUntil = samlTime(input.validUntil);
  }
  const b = xmlBuilder('md:EntityDescriptor', ['md', 'ds']);
  const sso = (binding: string) =>
    b.el('md:SingleSignOnService', { Binding: binding, Location: ssoUrl });
  const idp = b.el(
    'md:IDPSSODescriptor',
    { WantAuthnRequestsSigned: 'false', protocolSupportEnumeration: NS.samlp },
    [
      ...bodies.map((body) => keyDescriptor(b, body)),
      b.el('md:NameIDFormat', {}, [SAML.persistent]),
      sso(SAML.bindingPost),
      sso(SAML.bindingRedirect),
    ],
  );
  fillRoot(b, rootAttrs, [idp]);
  return `${XML_DECLARATION}\n${serialize(b.doc)}\n`;
}
