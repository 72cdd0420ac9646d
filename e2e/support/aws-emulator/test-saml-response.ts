/**
 * Signed SAML Responses for the emulator tests, built as strings and signed with xml-crypto (RSA-SHA256,
 * exc-c14n), with knobs to break every check AWS makes: sign the Response and/or the Assertion (or
 * nothing), use SHA-1, sign with a key not in the metadata, change or drop any field (before signing),
 * add a second Assertion, tamper after signing, add a DOCTYPE.
 */
import { randomUUID } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import {
  ATTR,
  AWS_SIGNIN_SAML,
  ENTITY_ID,
  PERSISTENT,
  rolePair,
  samlKeys,
  type SamlKey,
} from './test-saml';
import { escapeXml as x } from './xml';

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface ResponseOptions {
  issuer?: string;
  /** null leaves the attribute / element out. */
  recipient?: string | null;
  destination?: string | null;
  audiences?: string[];
  nameId?: string | null;
  nameIdFormat?: string;
  notBefore?: Date;
  notOnOrAfter?: Date;
  confirmationNotOnOrAfter?: Date | null;
  sessionNotOnOrAfter?: Date;
  /** Role attribute values (`roleArn,providerArn`); default: the default role with the provider. */
  roles?: string[];
  roleSessionName?: string | null;
  attributes?: Record<string, string[]>;
  sign?: 'response' | 'assertion' | 'both' | 'none';
  algorithm?: 'sha256' | 'sha1';
  /** Signing key; default the IdP's key from samlKeys(). */
  key?: SamlKey;
  secondAssertion?: boolean;
  /** Applied to the XML before signing: any change that keeps a valid signature. */
  edit?: (xml: string) => string;
  /** Applied to the XML after signing. */
  tamper?: (xml: string) => string;
  doctype?: boolean;
}

const iso = (d: Date): string => d.toISOString();

function attributeXml(name: string, values: string[]): string {
  const inner = values.map((v) => `<saml:AttributeValue>${x(v)}</saml:AttributeValue>`).join('');
  return `<saml:Attribute Name="${x(name)}">${inner}</saml:Attribute>`;
}

function subjectXml(o: ResponseOptions, now: number): string {
  const nameId =
    o.nameId === null
      ? ''
      : `<saml:NameID Format="${x(o.nameIdFormat ?? PERSISTENT)}">${x(o.nameId ?? 'user-123')}</saml:NameID>`;
  const noa =
    o.confirmationNotOnOrAfter === null
      ? ''
      : ` NotOnOrAfter="${iso(o.confirmationNotOnOrAfter ?? new Date(now + 300_000))}"`;
  const recipient = o.recipient === null ? '' : ` Recipient="${x(o.recipient ?? AWS_SIGNIN_SAML)}"`;
  return (
    `<saml:Subject>${nameId}<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData${noa}${recipient}/></saml:SubjectConfirmation></saml:Subject>`
  );
}

function assertionXml(o: ResponseOptions, id: string, now: number): string {
  const attributes: Record<string, string[]> = {
    [`${ATTR}Role`]: o.roles ?? [rolePair()],
    ...(o.roleSessionName === null
      ? {}
      : { [`${ATTR}RoleSessionName`]: [o.roleSessionName ?? 'alice'] }),
    ...o.attributes,
  };
  const audiences = (o.audiences ?? ['urn:amazon:webservices']).map(
    (a) => `<saml:Audience>${x(a)}</saml:Audience>`,
  );
  const session = o.sessionNotOnOrAfter
    ? ` SessionNotOnOrAfter="${iso(o.sessionNotOnOrAfter)}"`
    : '';
  return (
    `<saml:Assertion ID="${id}" Version="2.0" IssueInstant="${iso(new Date(now))}"><saml:Issuer>${x(o.issuer ?? ENTITY_ID)}</saml:Issuer>` +
    subjectXml(o, now) +
    `<saml:Conditions NotBefore="${iso(o.notBefore ?? new Date(now - 60_000))}" NotOnOrAfter="${iso(o.notOnOrAfter ?? new Date(now + 300_000))}">` +
    `<saml:AudienceRestriction>${audiences.join('')}</saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(new Date(now))}" SessionIndex="${id}"${session}><saml:AuthnContext>` +
    '<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>' +
    `<saml:AttributeStatement>${Object.entries(attributes)
      .map(([n, v]) => attributeXml(n, v))
      .join('')}</saml:AttributeStatement></saml:Assertion>`
  );
}

function sign(
  xml: string,
  target: 'Response' | 'Assertion',
  key: SamlKey,
  alg: 'sha256' | 'sha1',
): string {
  const sha1 = alg === 'sha1';
  const sig = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certPem,
    canonicalizationAlgorithm: EXC_C14N,
    signatureAlgorithm: sha1
      ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1'
      : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  });
  const path =
    target === 'Response' ? "/*[local-name(.)='Response']" : "/*/*[local-name(.)='Assertion']";
  sig.addReference({
    xpath: path,
    transforms: [ENVELOPED, EXC_C14N],
    digestAlgorithm: sha1
      ? 'http://www.w3.org/2000/09/xmldsig#sha1'
      : 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(xml, {
    location: { reference: `${path}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return sig.getSignedXml();
}

/** A signed SAML Response, base64-encoded like the SAMLResponse form field / SAMLAssertion parameter. */
export async function samlResponse(o: ResponseOptions = {}, now = Date.now()): Promise<string> {
  const key = o.key ?? (await samlKeys()).idp;
  const assertionId = `_a${randomUUID()}`;
  const destination =
    o.destination === null
      ? ''
      : ` Destination="${x(o.destination ?? o.recipient ?? AWS_SIGNIN_SAML)}"`;
  let xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID()}" Version="2.0" IssueInstant="${iso(new Date(now))}"${destination}>` +
    `<saml:Issuer>${x(o.issuer ?? ENTITY_ID)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `${assertionXml(o, assertionId, now)}</samlp:Response>`;
  if (o.edit) xml = o.edit(xml);
  const mode = o.sign ?? 'assertion';
  if (mode === 'assertion' || mode === 'both')
    xml = sign(xml, 'Assertion', key, o.algorithm ?? 'sha256');
  if (mode === 'response' || mode === 'both')
    xml = sign(xml, 'Response', key, o.algorithm ?? 'sha256');
  if (o.secondAssertion)
    xml = xml.replace(
      '</samlp:Response>',
      `${assertionXml({ ...o, nameId: 'admin' }, `_b${randomUUID()}`, now)}</samlp:Response>`,
    );
  if (o.tamper) xml = o.tamper(xml);
  if (o.doctype) xml = `<!DOCTYPE samlp:Response [<!ENTITY x "y">]>${xml}`;
  return Buffer.from(xml, 'utf8').toString('base64');
}
