/**
 * The SAML IdP products the test IdP imitates ("shapes"): issuer style, NameID formats, what is signed by
 * default, ID style, XML namespace prefixes and statement order, as the real products emit them.
 *
 *   ADFS        Issuer http://<host>/adfs/services/trust; default-namespace Assertion; signs the Assertion;
 *               NameID persistent (windows account name) or unspecified (UPN); claim-URI attributes.
 *   Okta        Issuer http://www.okta.com/exk…; saml2:/saml2p: prefixes; signs Response AND Assertion;
 *               NameID emailAddress; attributes email/firstName/lastName/groups with xsi:type xs:string.
 *   Entra ID    Issuer https://sts.windows.net/<tenant>/; signs the Assertion; NameID persistent (pairwise,
 *               opaque); objectidentifier/tenantid/groups (GUIDs) claim URIs.
 *   Shibboleth  Issuer https://<host>/idp/shibboleth; signs the Response (IdP v3+ default); NameID persistent
 *               (computed, eduPersonTargetedID style) or transient; urn:oid names with FriendlyName.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { ENTRA_TENANT_ID } from '../oidc-idp/users';

export type ShapeId = 'adfs' | 'okta' | 'entra' | 'shibboleth';
export const SHAPE_IDS: readonly ShapeId[] = ['adfs', 'okta', 'entra', 'shibboleth'];

export type NameIdFormat = 'persistent' | 'transient' | 'emailAddress' | 'unspecified';

export const NAMEID_FORMAT_URNS: Readonly<Record<NameIdFormat, string>> = {
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
};

export function nameIdFormatFromUrn(urn: string): NameIdFormat | undefined {
  const entry = Object.entries(NAMEID_FORMAT_URNS).find(([, value]) => value === urn);
  return entry?.[0] as NameIdFormat | undefined;
}

export const PASSWORD_PROTECTED_TRANSPORT = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';

/** The fixed Okta app id in the demo Okta issuer (`http://www.okta.com/<app id>`). */
export const OKTA_APP_ID = 'exk7r0l3g4t3d3m0o5d7';

export interface ShapeInfo {
  readonly id: ShapeId;
  /** Shown in page titles, e.g. "ADFS (demo)". */
  readonly title: string;
  readonly colour: string;
  /** The IdP entity id (= Issuer), given the shape's base URL `http://localhost:<port>/<shape>`. */
  entityId(base: string): string;
  /** Supported NameID formats; the first is the default (a request for another one gets the default). */
  readonly nameIdFormats: readonly NameIdFormat[];
  readonly signs: { readonly response: boolean; readonly assertion: boolean };
  /** `ms`: samlp: protocol prefix, default-namespace Assertion (ADFS, Entra); `saml2`: saml2p:/saml2: prefixes. */
  readonly style: 'ms' | 'saml2';
  /** Okta puts `Format="…:entity"` on its Issuer elements. */
  readonly issuerFormat: boolean;
  /** ADFS and Entra emit AttributeStatement before AuthnStatement. */
  readonly attributesFirst: boolean;
  /** Conditions/NotBefore this long before IssueInstant (Okta, Entra: 5 minutes). */
  readonly notBeforeSkewMs: number;
  readonly authnContextClassRef: string;
  /** ADFS and Entra publish signed federation metadata. */
  readonly signedMetadata: boolean;
  newId(): string;
}

const msId = (): string => `_${randomUUID()}`;

export const SHAPES: Readonly<Record<ShapeId, ShapeInfo>> = {
  adfs: {
    id: 'adfs', title: 'ADFS (demo)', colour: '#2b579a',
    entityId: (base) => `${base}/services/trust`,
    nameIdFormats: ['persistent', 'unspecified'],
    signs: { response: false, assertion: true },
    style: 'ms', issuerFormat: false, attributesFirst: true, notBeforeSkewMs: 0,
    authnContextClassRef: PASSWORD_PROTECTED_TRANSPORT, signedMetadata: true, newId: msId,
  },
  okta: {
    id: 'okta', title: 'Okta (demo)', colour: '#00297a',
    entityId: () => `http://www.okta.com/${OKTA_APP_ID}`,
    nameIdFormats: ['emailAddress', 'unspecified'],
    signs: { response: true, assertion: true },
    style: 'saml2', issuerFormat: true, attributesFirst: false, notBeforeSkewMs: 300_000,
    authnContextClassRef: PASSWORD_PROTECTED_TRANSPORT, signedMetadata: false,
    // Okta ids: "id" followed by ~25 decimal digits.
    newId: () => `id${BigInt(`0x${randomBytes(11).toString('hex')}`).toString().padStart(26, '1')}`,
  },
  entra: {
    id: 'entra', title: 'Entra ID (demo)', colour: '#0078d4',
    entityId: () => `https://sts.windows.net/${ENTRA_TENANT_ID}/`,
    nameIdFormats: ['persistent'],
    signs: { response: false, assertion: true },
    style: 'ms', issuerFormat: false, attributesFirst: true, notBeforeSkewMs: 300_000,
    authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Password', signedMetadata: true, newId: msId,
  },
  shibboleth: {
    id: 'shibboleth', title: 'Shibboleth (demo)', colour: '#b5121b',
    entityId: (base) => `${base}/idp/shibboleth`,
    nameIdFormats: ['persistent', 'transient'],
    signs: { response: true, assertion: false },
    style: 'saml2', issuerFormat: false, attributesFirst: false, notBeforeSkewMs: 0,
    authnContextClassRef: PASSWORD_PROTECTED_TRANSPORT, signedMetadata: false,
    newId: () => `_${randomBytes(16).toString('hex')}`,
  },
};
