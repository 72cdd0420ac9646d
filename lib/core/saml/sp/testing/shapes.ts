/**
 * Test-only: how real IdPs lay out a SAML Response, so fixtures look like production traffic. Taken from
 * public sample responses (ADFS 2016+, Okta, Microsoft Entra ID, Google Workspace, Shibboleth IdP v4/v5).
 */
import { ALG } from '../algorithms';

export type IdpShape = 'adfs' | 'adfs-encrypted' | 'okta' | 'entra' | 'google' | 'shibboleth';

export interface ShapeStyle {
  /** Prefix for the protocol namespace. */
  samlp: string;
  /** Prefix for the assertion namespace; '' declares it as the default namespace on the Assertion. */
  saml: string;
  signResponse: boolean;
  signAssertion: boolean;
  encrypt?: { data: string; key: string };
  nameIdFormat: string;
  attrNameFormat: string;
  /** Attribute names used for email / groups. */
  emailAttr: string;
  groupsAttr: string;
  xsiType: boolean;
  inclusivePrefixes?: string;
  consent?: string;
}

const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';
const UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';

const adfs: ShapeStyle = {
  samlp: 'samlp',
  saml: '',
  signResponse: false,
  signAssertion: true,
  nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  attrNameFormat: UNSPECIFIED,
  emailAttr: `${CLAIMS}/emailaddress`,
  groupsAttr: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  xsiType: false,
  consent: 'urn:oasis:names:tc:SAML:2.0:consent:unspecified',
};

export const SHAPES: Record<IdpShape, ShapeStyle> = {
  // ADFS: signs the Assertion only; assertion namespace as default namespace.
  adfs,
  'adfs-encrypted': { ...adfs, encrypt: { data: ALG.aes256Cbc, key: ALG.rsaOaepMgf1p } },
  // Okta: saml2p/saml2 prefixes, signs Response and Assertion, xs:string values. (Okta also lists "xs" in
  // InclusiveNamespaces; xml-crypto's signer writes that element under every transform, so it is left out.)
  okta: {
    samlp: 'saml2p',
    saml: 'saml2',
    signResponse: true,
    signAssertion: true,
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    attrNameFormat: UNSPECIFIED,
    emailAttr: 'email',
    groupsAttr: 'groups',
    xsiType: true,
  },
  // Microsoft Entra ID: signs the Assertion only; persistent NameID; claims-URI attribute names.
  entra: { ...adfs, consent: undefined, groupsAttr: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups' },
  // Google Workspace with "Signed response": signs the Response only.
  google: {
    samlp: 'saml2p',
    saml: 'saml2',
    signResponse: true,
    signAssertion: false,
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    attrNameFormat: UNSPECIFIED,
    emailAttr: 'email',
    groupsAttr: 'groups',
    xsiType: false,
  },
  // Shibboleth IdP: signed assertion, encrypted with AES-128-GCM + RSA-OAEP, urn:oid attribute names.
  shibboleth: {
    samlp: 'saml2p',
    saml: 'saml2',
    signResponse: false,
    signAssertion: true,
    encrypt: { data: ALG.aes128Gcm, key: ALG.rsaOaepMgf1p },
    nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
    attrNameFormat: URI,
    emailAttr: 'urn:oid:0.9.2342.19200300.100.1.3',
    groupsAttr: 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1',
    xsiType: true,
  },
};
