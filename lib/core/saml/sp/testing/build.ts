/**
 * Test-only: renders an unsigned SAML Response in a given IdP's layout. Every field a test may want to get
 * wrong is an option; defaults describe a valid response for `sp` answering `inResponseTo`.
 */
import { randomUUID } from 'node:crypto';
import type { ShapeStyle } from './shapes';

export interface ResponseFields {
  idpEntityId: string;
  spEntityId: string;
  acsUrl: string;
  nameId: string;
  /** Raw XML placed inside NameID instead of the escaped nameId (comment-split tests). */
  nameIdXml?: string;
  attributes: Record<string, string[]>;
  /** undefined: unsolicited (IdP-initiated). */
  inResponseTo?: string;
  /** Set to put InResponseTo on the Response only, not in SubjectConfirmationData. */
  inResponseToOnResponseOnly?: boolean;
  now: Date;
  lifetimeSeconds?: number;
  audience?: string;
  recipient?: string;
  destination?: string | null;
  status?: string;
  responseId?: string;
  assertionId?: string;
}

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const iso = (ms: number): string => new Date(ms).toISOString();
export const newId = (): string => `_${randomUUID().replace(/-/g, '')}`;

function attributeXml(s: ShapeStyle, q: string, name: string, values: string[]): string {
  const type = s.xsiType ? ' xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string"' : '';
  const vals = values.map((v) => `<${q}AttributeValue${type}>${esc(v)}</${q}AttributeValue>`).join('');
  return `<${q}Attribute Name="${esc(name)}" NameFormat="${s.attrNameFormat}">${vals}</${q}Attribute>`;
}

/** The Assertion element alone. */
export function assertionXml(s: ShapeStyle, f: ResponseFields, assertionId: string): string {
  const q = s.saml ? `${s.saml}:` : '';
  const ns = s.saml ? `xmlns:${s.saml}="urn:oasis:names:tc:SAML:2.0:assertion"` : 'xmlns="urn:oasis:names:tc:SAML:2.0:assertion"';
  const t = f.now.getTime();
  const end = iso(t + (f.lifetimeSeconds ?? 300) * 1000);
  const irt = f.inResponseTo && !f.inResponseToOnResponseOnly ? ` InResponseTo="${f.inResponseTo}"` : '';
  const attrs = Object.entries(f.attributes).map(([n, v]) => attributeXml(s, q, n, v)).join('');
  return (
    `<${q}Assertion ${ns} ID="${assertionId}" IssueInstant="${iso(t)}" Version="2.0">` +
    `<${q}Issuer>${esc(f.idpEntityId)}</${q}Issuer>` +
    `<${q}Subject><${q}NameID Format="${s.nameIdFormat}">${f.nameIdXml ?? esc(f.nameId)}</${q}NameID>` +
    `<${q}SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<${q}SubjectConfirmationData${irt} NotOnOrAfter="${end}" Recipient="${esc(f.recipient ?? f.acsUrl)}"/>` +
    `</${q}SubjectConfirmation></${q}Subject>` +
    `<${q}Conditions NotBefore="${iso(t - 5000)}" NotOnOrAfter="${end}">` +
    `<${q}AudienceRestriction><${q}Audience>${esc(f.audience ?? f.spEntityId)}</${q}Audience></${q}AudienceRestriction></${q}Conditions>` +
    `<${q}AuthnStatement AuthnInstant="${iso(t - 1000)}" SessionIndex="${assertionId}"><${q}AuthnContext>` +
    `<${q}AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</${q}AuthnContextClassRef>` +
    `</${q}AuthnContext></${q}AuthnStatement>` +
    (attrs ? `<${q}AttributeStatement>${attrs}</${q}AttributeStatement>` : '') +
    `</${q}Assertion>`
  );
}

/** The whole unsigned Response; `assertion` replaces the rendered assertion when given. */
export function responseXml(s: ShapeStyle, f: ResponseFields, assertion?: string): string {
  const p = s.samlp;
  const assertionId = f.assertionId ?? newId();
  const dest = f.destination === null ? '' : ` Destination="${esc(f.destination ?? f.acsUrl)}"`;
  const irt = f.inResponseTo ? ` InResponseTo="${f.inResponseTo}"` : '';
  const consent = s.consent ? ` Consent="${s.consent}"` : '';
  const status = f.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success';
  return (
    `<${p}:Response xmlns:${p}="urn:oasis:names:tc:SAML:2.0:protocol" ID="${f.responseId ?? newId()}" Version="2.0" ` +
    `IssueInstant="${new Date(f.now).toISOString()}"${dest}${consent}${irt}>` +
    `<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">${esc(f.idpEntityId)}</Issuer>` +
    `<${p}:Status><${p}:StatusCode Value="${status}"/></${p}:Status>` +
    (assertion ?? assertionXml(s, f, assertionId)) +
    `</${p}:Response>`
  );
}
