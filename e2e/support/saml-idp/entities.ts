/**
 * samlify entities of the test IdP: per shape a fresh RSA-2048 signing key/cert, its metadata, and the samlify
 * IdentityProvider built from that metadata; per registered service provider a samlify ServiceProvider.
 */
import * as samlify from 'samlify';

import { certBody, generateSigningCertificate } from '../../../lib/core/saml/certificate';
import { buildMetadata } from './metadata';
import type { ShapeInfo } from './shapes';
import { parseXml } from './xml';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const POST = samlify.Constants.namespace.binding.post;

export interface SpRegistration {
  readonly entityId: string;
  readonly acsUrl: string;
  /** SP metadata: adds its HTTP-POST ACS URLs, and its signing cert when it says `AuthnRequestsSigned="true"`. */
  readonly metadataXml?: string;
}

export interface RegisteredSp {
  readonly entityId: string;
  /** The first one is the default ACS. */
  readonly acsUrls: readonly string[];
  /** AuthnRequests from this SP must carry a valid signature (its metadata says AuthnRequestsSigned="true"). */
  readonly signsRequests: boolean;
  readonly entity: samlify.ServiceProviderInstance;
}

export interface ShapeRuntime {
  readonly info: ShapeInfo;
  /** `/adfs` */
  readonly prefix: string;
  readonly entityId: string;
  readonly ssoUrl: string;
  readonly metadataUrl: string;
  readonly metadataXml: string;
  readonly certPem: string;
  /** Every AuthnRequest must be signed (else only those of SPs whose metadata says AuthnRequestsSigned="true"). */
  readonly wantAuthnRequestsSigned: boolean;
  /** The IdP as published (issues responses). */
  readonly idp: samlify.IdentityProviderInstance;
  /** Same IdP with WantAuthnRequestsSigned="false": reads a request before its SP is known. */
  readonly readingIdp: samlify.IdentityProviderInstance;
  /** Same IdP with WantAuthnRequestsSigned="true": verifies the requests that must be signed. */
  readonly verifyingIdp: samlify.IdentityProviderInstance;
}

function metadataAcsUrls(metadataXml: string): { entityId: string; acsUrls: string[] } {
  const doc = parseXml(metadataXml);
  const acsUrls = Array.from(doc.getElementsByTagNameNS(MD, 'AssertionConsumerService'))
    .filter((e) => e.getAttribute('Binding') === POST)
    .map((e) => e.getAttribute('Location') ?? '')
    .filter((l) => l !== '');
  return { entityId: doc.documentElement.getAttribute('entityID') ?? '', acsUrls };
}

export function registerSp(reg: SpRegistration): RegisteredSp {
  if (!reg.metadataXml) {
    const entity = samlify.ServiceProvider({
      entityID: reg.entityId,
      assertionConsumerService: [{ Binding: POST, Location: reg.acsUrl }],
    });
    return { entityId: reg.entityId, acsUrls: [reg.acsUrl], signsRequests: false, entity };
  }
  const fromMetadata = metadataAcsUrls(reg.metadataXml);
  if (fromMetadata.entityId !== reg.entityId) {
    throw new Error(`SP metadata entityID ${fromMetadata.entityId} does not match ${reg.entityId}`);
  }
  const entity = samlify.ServiceProvider({ metadata: reg.metadataXml });
  const acsUrls = [...new Set([reg.acsUrl, ...fromMetadata.acsUrls])];
  return { entityId: reg.entityId, acsUrls, signsRequests: entity.entityMeta.isAuthnRequestSigned(), entity };
}

/** `wantAuthnRequestsSigned`: publish WantAuthnRequestsSigned="true" and require signed AuthnRequests from every SP. */
export async function createShape(info: ShapeInfo, url: string, wantAuthnRequestsSigned = false): Promise<ShapeRuntime> {
  const prefix = `/${info.id}`;
  const base = `${url}${prefix}`;
  const entityId = info.entityId(base);
  const ssoUrl = `${base}/sso`;
  const cert = await generateSigningCertificate({
    commonName: `${info.title} token signing`, notBefore: new Date(Date.now() - 60_000), validDays: 365,
  });
  const input = { shape: info, entityId, ssoUrl, certBody: certBody(cert.certPem), privateKeyPem: cert.privateKeyPem };
  const entity = (wants: boolean): { xml: string; idp: samlify.IdentityProviderInstance } => {
    const xml = buildMetadata({ ...input, wantAuthnRequestsSigned: wants });
    return { xml, idp: samlify.IdentityProvider({ metadata: xml, privateKey: cert.privateKeyPem, generateID: info.newId }) };
  };
  const [lenient, verifying] = [entity(false), entity(true)];
  const published = wantAuthnRequestsSigned ? verifying : lenient;
  return {
    info, prefix, entityId, ssoUrl, certPem: cert.certPem, wantAuthnRequestsSigned,
    metadataXml: published.xml,
    metadataUrl: `${base}/metadata`,
    idp: published.idp,
    readingIdp: lenient.idp,
    verifyingIdp: verifying.idp,
  };
}
