/**
 * A validated SAML assertion → the same IdentityClaims an OIDC sign-in produces, so one policy engine
 * and one portal session serve both. The identity key is (IdP entity id, stable subject): never the email.
 * The subject is the NameID or a configured attribute (./subject.ts).
 */
import type { SamlConnectionConfig } from '../config/schema';
import type { IdentityClaims } from '../types';
import { attributeNamesFor } from './attribute-presets';
import { samlSubject } from './subject';

export interface AssertionIdentity {
  issuer: string;
  nameId: string;
  nameIdFormat?: string;
  attributes: Record<string, string[]>;
}

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function firstOf(attrs: Record<string, string[]>, names: string[]): string | undefined {
  for (const n of names) {
    const v = attrs[n]?.find((x) => x.length > 0);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function samlIdentityClaims(conn: SamlConnectionConfig, a: AssertionIdentity): IdentityClaims {
  const subject = samlSubject(conn, a);
  const names = attributeNamesFor(conn);
  const rawEmail = firstOf(a.attributes, names.email) ?? (a.nameIdFormat === EMAIL_FORMAT ? a.nameId : undefined);
  const email = rawEmail && EMAIL.test(rawEmail) ? rawEmail.toLowerCase() : undefined;
  const groups = names.groups.flatMap((n) => a.attributes[n] ?? []).map((g) => conn.groupNames[g] ?? g);
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(a.attributes)) if (v.length === 1 && v[0] !== undefined) extra[k] = v[0];
  return {
    idpId: conn.id,
    issuer: a.issuer,
    subject,
    email,
    // Verified only when the connection says its IdP's directory owns the address (emailsAuthoritative,
    // default per preset); Entra's email attributes are never verified by Entra ("nOAuth").
    emailVerified: email !== undefined && conn.emailsAuthoritative && conn.preset !== 'entra',
    name: firstOf(a.attributes, names.name),
    groups: [...new Set(groups.filter((g) => g.length > 0 && g.length <= 256))],
    extra,
  };
}
