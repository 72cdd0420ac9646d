/**
 * Who a SAML sign-in is, at every sign-in (STYLE rule 14: a person is (IdP, stable subject)). Per
 * connection the subject is either the NameID — never a transient one (saml-core §8.3.8: a new value each
 * time, so every sign-in would make a new user and split grants and the audit trail) — or the single value
 * of a named attribute (`subjectAttribute`: ePPN, objectGUID, an employee id…).
 *
 * The two are namespaced apart: an attribute subject is `attr:<attribute name>=<value>` and a NameID that
 * starts with `attr:` is refused as a subject, so switching a connection between the two can never make
 * one person's attribute value sign in as another person's NameID (or a NameID as an attribute value).
 * Switching makes new users: grants by user do not carry over, grants by verified email do.
 *
 * Refusals carry a hint for the admin diagnostics (attribute names only, never values).
 */
import type { SamlConnectionConfig } from '../config/schema';
import { GatewayError } from '../errors';
import { isTransient } from './name-id';

export interface SubjectSource {
  nameId: string;
  nameIdFormat?: string;
  attributes: Record<string, string[]>;
}

export const ATTRIBUTE_SUBJECT_PREFIX = 'attr:';
const MAX_SUBJECT = 256;
/** XML whitespace only (XML 1.0 §2.3 S): what pretty-printing puts around a value. */
const XML_SPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Attribute names that arrived with exactly one non-empty value: the candidates for `subjectAttribute`. */
function candidates(attributes: Record<string, string[]>, skip?: string): string {
  const names = Object.entries(attributes)
    .filter(([name, values]) => name !== skip && values.length === 1 && (values[0] ?? '').trim().length > 0)
    .map(([name]) => name);
  return names.length > 0
    ? `single-valued attributes it sent: ${names.join(', ')}`
    : 'it sent no single-valued attribute: ask the IdP administrator to release one (eduPersonPrincipalName, an employee id) or a persistent NameID';
}

function fromNameId(s: SubjectSource): string {
  if (isTransient(s.nameIdFormat)) {
    throw new GatewayError('SAML_SUBJECT_TRANSIENT', `this IdP sends transient NameIDs (new at every sign-in): set subjectAttribute to a stable one; ${candidates(s.attributes)}`);
  }
  if (!s.nameId || s.nameId.length > MAX_SUBJECT) throw new GatewayError('SAML_NAMEID_INVALID', 'empty or oversized NameID');
  if (s.nameId.startsWith(ATTRIBUTE_SUBJECT_PREFIX)) {
    throw new GatewayError('SAML_NAMEID_INVALID', `a NameID starting with "${ATTRIBUTE_SUBJECT_PREFIX}" is reserved for attribute subjects: set subjectAttribute`);
  }
  return s.nameId;
}

function fromAttribute(name: string, s: SubjectSource): string {
  const values = s.attributes[name] ?? [];
  const refuse = (what: string) =>
    new GatewayError('SAML_SUBJECT_ATTRIBUTE_INVALID', `subjectAttribute ${name} ${what}; ${candidates(s.attributes, name)}`);
  if (values.length === 0) throw refuse('did not arrive');
  if (values.length > 1) throw refuse(`arrived with ${values.length} values, a subject needs exactly one`);
  const value = (values[0] as string).replace(XML_SPACE, '');
  if (value.length === 0) throw refuse('arrived empty');
  if (value.length > MAX_SUBJECT || CONTROL.test(value)) throw refuse(`is over ${MAX_SUBJECT} characters or holds control characters`);
  return `${ATTRIBUTE_SUBJECT_PREFIX}${name}=${value}`;
}

/** The person's subject at this connection; throws SAML_SUBJECT_* / SAML_NAMEID_INVALID with an admin hint. */
export function samlSubject(conn: Pick<SamlConnectionConfig, 'subjectAttribute'>, s: SubjectSource): string {
  return conn.subjectAttribute === undefined ? fromNameId(s) : fromAttribute(conn.subjectAttribute, s);
}

/** What the diagnostics say about where the subject came from (no values). */
export function subjectOrigin(conn: Pick<SamlConnectionConfig, 'subjectAttribute'>, nameIdFormat: string | undefined): string {
  return conn.subjectAttribute === undefined ? `NameID${nameIdFormat ? ` (${nameIdFormat})` : ''}` : `attribute ${conn.subjectAttribute}`;
}
