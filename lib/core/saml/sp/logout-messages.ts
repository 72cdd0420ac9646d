/**
 * The logout messages Rolegate sends as SP (saml-core §3.7.1 LogoutRequest, §3.7.2 LogoutResponse), built
 * as DOM trees (the serializer escapes every value: a NameID from the IdP stays text) and sent by the
 * HTTP-Redirect binding with a query-string signature (redirect-binding.ts). Nothing here parses input.
 */
import { fillRoot, samlId, samlTime, serialize, xmlBuilder } from '../aws/dom';
import { SAML } from '../aws/names';
import type { LogoutStatus, SamlSessionRef } from './types';

/** How long the IdP may act on our LogoutRequest (its NotOnOrAfter). */
const LOGOUT_REQUEST_LIFETIME_MS = 5 * 60_000;
const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

export interface OutgoingHeader {
  /** Our SP entity id (the Issuer). */
  issuer: string;
  destination: string;
  now: Date;
}

/** Only the attributes that have a value. */
function defined(attrs: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined));
}

/** A LogoutRequest for the sign-in `session`: its NameID exactly as the IdP sent it, and its SessionIndex. */
export function logoutRequestXml(h: OutgoingHeader, session: SamlSessionRef): { id: string; xml: string } {
  const b = xmlBuilder('samlp:LogoutRequest', ['samlp', 'saml']);
  const id = samlId();
  const nameId = b.el(
    'saml:NameID',
    defined({ Format: session.nameIdFormat, NameQualifier: session.nameQualifier, SPNameQualifier: session.spNameQualifier }),
    [session.nameId],
  );
  const children = [b.el('saml:Issuer', {}, [h.issuer]), nameId];
  if (session.sessionIndex !== undefined) children.push(b.el('samlp:SessionIndex', {}, [session.sessionIndex]));
  const notOnOrAfter = samlTime(new Date(h.now.getTime() + LOGOUT_REQUEST_LIFETIME_MS));
  fillRoot(b, { ID: id, Version: SAML.version, IssueInstant: samlTime(h.now), Destination: h.destination, NotOnOrAfter: notOnOrAfter }, children);
  return { id, xml: serialize(b.doc) };
}

/** A LogoutResponse to the IdP's request `inResponseTo` with a top-level status (saml-core §3.2.2.2). */
export function logoutResponseXml(h: OutgoingHeader, inResponseTo: string, status: LogoutStatus): string {
  const b = xmlBuilder('samlp:LogoutResponse', ['samlp', 'saml']);
  const statusEl = b.el('samlp:Status', {}, [b.el('samlp:StatusCode', { Value: `${STATUS}${status}` })]);
  fillRoot(
    b,
    { ID: samlId(), Version: SAML.version, IssueInstant: samlTime(h.now), Destination: h.destination, InResponseTo: inResponseTo },
    [b.el('saml:Issuer', {}, [h.issuer]), statusEl],
  );
  return serialize(b.doc);
}
