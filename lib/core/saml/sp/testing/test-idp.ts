/**
 * Test-only SAML IdP: a signing certificate, its metadata, and `issue()` that produces a signed (and for
 * some shapes encrypted) Response in the layout of the IdP it imitates. Fixtures are generated at test
 * time from fresh keys so they never expire.
 */
import { generateSigningCertificate, certBody, type SigningCertificate } from '../../certificate';
import { responseXml, assertionXml, newId, type ResponseFields } from './build';
import { SHAPES, type IdpShape, type ShapeStyle } from './shapes';
import { encryptAssertion, signElement, type SignOptions } from './sign';

export interface TestSp {
  spEntityId: string;
  acsUrl: string;
  encryptionCert?: SigningCertificate;
}

export interface IssueOptions {
  user?: { nameId: string; attributes?: Record<string, string[]> };
  inResponseTo?: string;
  now?: Date;
  /** Field overrides, applied before signing. */
  fields?: Partial<ResponseFields>;
  /** Signing overrides (algorithms, transforms, key). */
  signing?: Partial<SignOptions>;
  /** Overrides of the shape's layout (which elements are signed, encryption). */
  style?: Partial<ShapeStyle>;
  /** Rewrites the unsigned assertion XML before signing. */
  mutateAssertion?: (xml: string) => string;
}

export interface TestIdp {
  shape: IdpShape;
  entityId: string;
  cert: SigningCertificate;
  metadataXml: string;
  /** The signed (and maybe encrypted) Response XML. */
  issue(sp: TestSp, opts?: IssueOptions): Promise<string>;
}

export function idpMetadataXml(entityId: string, certPems: string[], ssoUrl: string, sloUrl?: string): string {
  const keys = certPems
    .map((pem) => `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBody(pem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`)
    .join('');
  return (
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}">` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}` +
    (sloUrl ? `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${sloUrl}"/>` : '') +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ssoUrl}"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}

/** One fresh RSA-2048 certificate, valid from yesterday for a year. */
export function freshCert(commonName: string): Promise<SigningCertificate> {
  return generateSigningCertificate({ commonName, notBefore: new Date(Date.now() - 86_400_000), validDays: 365 });
}

async function issueWith(idp: TestIdp, style: ShapeStyle, sp: TestSp, o: IssueOptions): Promise<string> {
  const user = o.user ?? { nameId: 'alice@example.com', attributes: {} };
  const f: ResponseFields = {
    idpEntityId: idp.entityId,
    spEntityId: sp.spEntityId,
    acsUrl: sp.acsUrl,
    nameId: user.nameId,
    attributes: user.attributes ?? {},
    inResponseTo: o.inResponseTo,
    now: o.now ?? new Date(),
    ...o.fields,
  };
  const key: SignOptions = { privateKeyPem: idp.cert.privateKeyPem, certPem: idp.cert.certPem, inclusivePrefixes: style.inclusivePrefixes, ...o.signing };
  let assertion = assertionXml(style, f, f.assertionId ?? newId());
  if (o.mutateAssertion) assertion = o.mutateAssertion(assertion);
  let xml = responseXml(style, f, assertion);
  if (style.signAssertion) xml = signElement(xml, 'Assertion', key);
  if (style.encrypt) {
    if (!sp.encryptionCert) throw new Error('this shape encrypts: the test SP needs an encryptionCert');
    xml = await encryptAssertion(xml, sp.encryptionCert.certPem, style.encrypt.data, style.encrypt.key);
  }
  if (style.signResponse) xml = signElement(xml, 'Response', key);
  return xml;
}

/** A test IdP imitating `shape`. */
export async function createTestIdp(shape: IdpShape, cert?: SigningCertificate): Promise<TestIdp> {
  const c = cert ?? (await freshCert(`${shape} test idp`));
  const entityId = `https://${shape}.idp.test/metadata`;
  const idp: TestIdp = {
    shape,
    entityId,
    cert: c,
    metadataXml: idpMetadataXml(entityId, [c.certPem], `https://${shape}.idp.test/sso`, `https://${shape}.idp.test/slo`),
    issue: (sp, opts = {}) => issueWith(idp, { ...SHAPES[shape], ...opts.style }, sp, opts),
  };
  return idp;
}
