/**
 * A validated SAML assertion → the same IdentityClaims an OIDC sign-in produces, so one policy engine
 * and one portal session serve both. The identity key is (IdP entity id, stable subject): never the email.
 * The subject is the NameID or a configured attribute (./subject.ts).
 */
import type { SamlConnectionConfig } from '../config/schema';
import type { IdentityClaims } from '../types';
import { attributeNamesFor } from './attribute-presets';
import { assertNoGroupsOverage, firstOf, personName, trimmedAttributes } from './attribute-values';
import { samlSubject } from './subject';

export interface AssertionIdentity {
  issuer: string;
  nameId: string;
  nameIdFormat?: string;
  attributes: Record<string, string[]>;
}

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

export function samlIdentityClaims(conn: SamlConnectionConfig, a: AssertionIdentity): IdentityClaims {
  const subject = samlSubject(conn, a);
  assertNoGroupsOverage(a.attributes);
  const names = attributeNamesFor(conn);
  // Values trimmed of pretty-printing whitespace (attribute-values.ts); the NameID never is.
  const attrs = trimmedAttributes(a.attributes);
  const rawEmail = firstOf(attrs, names.email) ?? (a.nameIdFormat === EMAIL_FORMAT ? a.nameId : undefined);
  const email = rawEmail && EMAIL.test(rawEmail) ? rawEmail.toLowerCase() : undefined;
  const groups = names.groups.flatMap((n) => attrs[n] ?? []).map((g) => conn.groupNames[g] ?? g);
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v.length === 1 && v[0] !== undefined) extra[k] = v[0];
  return {
    idpId: conn.id,
    issuer: a.issuer,
    subject,
    email,
    // Verified only when the connection says its IdP's directory owns the address (emailsAuthoritative,
    // default per preset); Entra's email attributes are never verified by Entra ("nOAuth").
    emailVerified: email !== undefined && conn.emailsAuthoritative && conn.preset !== 'entra',
    name: personName(attrs, names),
    groups: [...new Set(groups.filter((g) => g.length > 0 && g.length <= 256))],
    extra,
  };
}
