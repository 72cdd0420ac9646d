/**
 * Builds the unsigned `<Response>` XML of one shape (signing happens in issue.ts). Every value is escaped by `el`.
 * Signatures are inserted by samlify right after the Response's / Assertion's Issuer, where the products put them.
 */
import type { ShapeInfo } from './shapes';
import { NAMEID_FORMAT_URNS } from './shapes';
import type { SubjectNameId } from './subject';
import type { SamlAttribute } from './users';

export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  xs: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

export interface ResponseModel {
  readonly shape: ShapeInfo;
  readonly issuer: string;
  readonly responseId: string;
  readonly assertionId: string;
  readonly sessionIndex: string;
  readonly now: Date;
  readonly lifetimeMs: number;
  readonly acsUrl: string;
  readonly audience: string;
  readonly inResponseTo?: string;
  readonly nameId: SubjectNameId;
  readonly attributes: readonly SamlAttribute[];
}

export function escXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Attrs = Readonly<Record<string, string | undefined>>;

export function el(name: string, attrs: Attrs, content: string | readonly string[] = []): string {
  const attrText = Object.entries(attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escXml(value)}"`)
    .join('');
  const inner = typeof content === 'string' ? escXml(content) : content.join('');
  return inner === '' ? `<${name}${attrText}/>` : `<${name}${attrText}>${inner}</${name}>`;
}

function names(shape: ShapeInfo): { p: string; a: string } {
  return shape.style === 'ms' ? { p: 'samlp:', a: '' } : { p: 'saml2p:', a: 'saml2:' };
}

function subject(m: ResponseModel, a: string, notOnOrAfter: string): string {
  const nameId = el(`${a}NameID`, {
    Format: NAMEID_FORMAT_URNS[m.nameId.format],
    NameQualifier: m.nameId.nameQualifier,
    SPNameQualifier: m.nameId.spNameQualifier,
  }, m.nameId.value);
  const data = el(`${a}SubjectConfirmationData`, { InResponseTo: m.inResponseTo, NotOnOrAfter: notOnOrAfter, Recipient: m.acsUrl });
  const confirmation = el(`${a}SubjectConfirmation`, { Method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer' }, [data]);
  return el(`${a}Subject`, {}, [nameId, confirmation]);
}

function attributeStatement(m: ResponseModel, a: string): string {
  const typed = m.shape.id === 'okta';
  const valueAttrs: Attrs = typed ? { 'xmlns:xs': NS.xs, 'xmlns:xsi': NS.xsi, 'xsi:type': 'xs:string' } : {};
  const attributes = m.attributes.filter((at) => at.values.length > 0).map((at) =>
    el(`${a}Attribute`, { FriendlyName: at.friendlyName, Name: at.name, NameFormat: at.nameFormat },
      at.values.map((v) => el(`${a}AttributeValue`, valueAttrs, v))));
  return attributes.length > 0 ? el(`${a}AttributeStatement`, {}, attributes) : '';
}

function authnStatement(m: ResponseModel, a: string): string {
  const context = el(`${a}AuthnContext`, {}, [el(`${a}AuthnContextClassRef`, {}, m.shape.authnContextClassRef)]);
  return el(`${a}AuthnStatement`, { AuthnInstant: m.now.toISOString(), SessionIndex: m.sessionIndex }, [context]);
}

function assertion(m: ResponseModel, a: string): string {
  const notOnOrAfter = new Date(m.now.getTime() + m.lifetimeMs).toISOString();
  const notBefore = new Date(m.now.getTime() - m.shape.notBeforeSkewMs).toISOString();
  const issuerFormat = m.shape.issuerFormat ? ENTITY_FORMAT : undefined;
  const conditions = el(`${a}Conditions`, { NotBefore: notBefore, NotOnOrAfter: notOnOrAfter }, [
    el(`${a}AudienceRestriction`, {}, [el(`${a}Audience`, {}, m.audience)]),
  ]);
  const statements = [authnStatement(m, a), attributeStatement(m, a)];
  if (m.shape.attributesFirst) statements.reverse();
  const xmlns = a === '' ? { xmlns: NS.assertion } : { 'xmlns:saml2': NS.assertion };
  return el(`${a}Assertion`, { ...xmlns, ID: m.assertionId, IssueInstant: m.now.toISOString(), Version: '2.0' }, [
    el(`${a}Issuer`, { Format: issuerFormat }, m.issuer),
    subject(m, a, notOnOrAfter),
    conditions,
    ...statements,
  ]);
}

export function buildResponseXml(m: ResponseModel): string {
  const { p, a } = names(m.shape);
  const issuerNs = a === '' ? { xmlns: NS.assertion } : { 'xmlns:saml2': NS.assertion };
  const issuer = el(`${a}Issuer`, { ...issuerNs, Format: m.shape.issuerFormat ? ENTITY_FORMAT : undefined }, m.issuer);
  const status = el(`${p}Status`, {}, [el(`${p}StatusCode`, { Value: 'urn:oasis:names:tc:SAML:2.0:status:Success' })]);
  return el(`${p}Response`, {
    [`xmlns:${p.slice(0, -1)}`]: NS.protocol,
    ID: m.responseId,
    Version: '2.0',
    IssueInstant: m.now.toISOString(),
    Destination: m.acsUrl,
    Consent: m.shape.id === 'adfs' ? 'urn:oasis:names:tc:SAML:2.0:consent:unspecified' : undefined,
    InResponseTo: m.inResponseTo,
  }, [issuer, status, assertion(m, a)]);
}
