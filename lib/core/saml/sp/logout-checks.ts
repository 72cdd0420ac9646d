/**
 * The checks on a verified LogoutRequest's values (saml-core §3.7.1, saml-profiles §4.4.4.1): Issuer is the
 * IdP, Destination is our SLO URL, the time window holds, and the principal is one plain NameID with
 * well-formed SessionIndexes. Values are read from the root the signature covers (logout-structure.ts).
 */
import { readNameIdElement, type NameIdValue } from './identity';
import type { Trace } from './trace';
import { windowProblem } from './time-window';
import { attr, child, children, NS, textOf } from './xml';

/** How old an IssueInstant may be (beyond the skew): a logout is acted on at once, not queued. */
export const MAX_LOGOUT_AGE_MS = 5 * 60_000;
const MAX_SESSION_INDEX = 256;
const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

export interface LogoutExpectations {
  idpEntityId: string;
  sloUrl: string;
  nowMs: number;
  skewMs: number;
}

/** saml-profiles §4.4.4.1: the Issuer is required and names the IdP (entity format, if any). */
export function checkLogoutIssuer(request: Element, x: LogoutExpectations, trace: Trace): string {
  const issuer = child(request, NS.saml, 'Issuer');
  const value = issuer && textOf(issuer);
  const format = issuer && attr(issuer, 'Format');
  if (value !== x.idpEntityId || (format !== undefined && format !== ENTITY_FORMAT)) {
    throw trace.fail('SAML_ISSUER_MISMATCH', 'issuer', issuer ? 'Issuer is not the IdP entity id' : 'no Issuer');
  }
  trace.pass('issuer');
  return value;
}

/** saml-bindings §3.4.5.2 / §3.5.5.2: a signed message's Destination is required and must be our SLO URL. */
export function checkLogoutDestination(request: Element, x: LogoutExpectations, trace: Trace): void {
  trace.require(attr(request, 'Destination') === x.sloUrl, 'SAML_DESTINATION_MISMATCH', 'destination', 'Destination is not our SLO URL');
}

/**
 * IssueInstant no later than now + skew and no older than {@link MAX_LOGOUT_AGE_MS} + skew; NotOnOrAfter,
 * when present, not passed (with skew). Returns the end of the window in which the request is accepted.
 */
export function checkLogoutTime(request: Element, x: LogoutExpectations, trace: Trace): number {
  // The schema (checked before) requires IssueInstant as a UTC xs:dateTime.
  const issued = Date.parse(attr(request, 'IssueInstant') as string);
  // Written as "not inside" so that an unreadable time (NaN) is outside: fail closed.
  if (!(issued <= x.nowMs + x.skewMs)) throw trace.fail('SAML_NOT_YET_VALID', 'issue-instant', `IssueInstant in the future, skew ${x.skewMs / 1000}s`);
  const oldestEnd = issued + MAX_LOGOUT_AGE_MS + x.skewMs;
  if (!(x.nowMs < oldestEnd)) throw trace.fail('SAML_EXPIRED', 'issue-instant', `IssueInstant older than ${MAX_LOGOUT_AGE_MS / 1000}s`);
  const notOnOrAfter = attr(request, 'NotOnOrAfter');
  if (windowProblem({ notOnOrAfter }, x.nowMs, x.skewMs)) throw trace.fail('SAML_EXPIRED', 'not-on-or-after', `NotOnOrAfter ${notOnOrAfter}`);
  trace.pass('time-window');
  return notOnOrAfter === undefined ? oldestEnd : Math.min(oldestEnd, Date.parse(notOnOrAfter) + x.skewMs);
}

/** The NameID (same rules as an assertion's) and the SessionIndexes, each non-empty text without control characters. */
export function readLogoutSubject(request: Element, trace: Trace): NameIdValue & { sessionIndexes: string[] } {
  // The schema (checked before) requires exactly one NameID child.
  const nameId = readNameIdElement(child(request, NS.saml, 'NameID') as Element, trace);
  const sessionIndexes = children(request, NS.samlp, 'SessionIndex').map((el) => textOf(el));
  for (const s of sessionIndexes) {
    if (s.length === 0 || s.length > MAX_SESSION_INDEX || /[\u0000-\u001f\u007f]/.test(s)) {
      throw trace.fail('SAML_SCHEMA_INVALID', 'session-index', 'empty, too long or control characters');
    }
  }
  trace.pass('session-index', `${sessionIndexes.length} SessionIndex`);
  return { ...nameId, sessionIndexes };
}
