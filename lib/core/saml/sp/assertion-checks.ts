/**
 * The checks on the signed view (signed-view.ts; samlify never checked these: AWS-FACTS §0.1, [AUD] F-4/F-5), run on the one verified assertion:
 * Issuer, Destination, Audience, the bearer SubjectConfirmation (Recipient, NotOnOrAfter) and every time
 * window (saml-profiles §4.1.4.2–3 "Web Browser SSO Profile" response rules).
 */
import { attr, child, children, NS, textOf } from './xml';
import { requireWindow, windowOf } from './time-window';
import type { Trace } from './trace';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

export interface Expectations {
  idpEntityId: string;
  spEntityId: string;
  acsUrl: string;
  nowMs: number;
  skewMs: number;
}

/** xs:anyURI has whiteSpace="collapse": surrounding whitespace is not part of the value. */
const uriText = (el: Element | undefined): string | undefined => (el ? textOf(el).trim() : undefined);

/** saml-core §2.2.5 / saml-profiles §4.1.4.2: the assertion's Issuer (and the Response's, if any) is the IdP. */
export function checkIssuer(response: Element, assertion: Element, x: Expectations, trace: Trace): string {
  const issuerEl = child(assertion, NS.saml, 'Issuer');
  const issuer = uriText(issuerEl);
  const format = issuerEl && attr(issuerEl, 'Format');
  const outer = uriText(child(response, NS.saml, 'Issuer'));
  const ok = issuer === x.idpEntityId && (format === undefined || format === ENTITY_FORMAT) && (outer === undefined || outer === issuer);
  trace.require(ok, 'SAML_ISSUER_MISMATCH', 'issuer', 'Issuer is not the IdP entityID');
  return issuer as string;
}

/** saml-bindings §3.5.5.2: a signed POST response names its Destination, and it must be our ACS. */
export function checkDestination(response: Element, x: Expectations, trace: Trace): void {
  trace.require(attr(response, 'Destination') === x.acsUrl, 'SAML_DESTINATION_MISMATCH', 'destination', 'Destination is not our ACS URL');
}

/**
 * saml-core §2.5.1.4: every AudienceRestriction must name us; at least one must be present. Then the
 * Conditions window, and the assertion's IssueInstant (checkIssueInstant).
 */
export function checkConditions(assertion: Element, x: Expectations, trace: Trace): string | undefined {
  const conditions = child(assertion, NS.saml, 'Conditions');
  // Stryker disable next-line ArrayDeclaration: an entry that is not an element has no Audience children, so it fails as [] does.
  const restrictions = conditions ? children(conditions, NS.saml, 'AudienceRestriction') : [];
  const ok = restrictions.length > 0 && restrictions.every((r) => children(r, NS.saml, 'Audience').some((a) => uriText(a) === x.spEntityId));
  trace.require(ok, 'SAML_AUDIENCE_MISMATCH', 'audience', 'our entityID is not the Audience');
  requireWindow(windowOf(conditions), x.nowMs, x.skewMs, 'conditions-window', trace);
  checkIssueInstant(assertion, x, trace);
  return conditions && attr(conditions, 'NotOnOrAfter');
}

/**
 * saml-core §2.3.3: the assertion's IssueInstant is no later than now + skew (issue 14 §5). NotBefore is
 * optional, so without this an IdP whose clock runs ahead and that sends none had its assertions accepted.
 * The schema (checked before) requires IssueInstant; a time that does not parse is refused.
 */
export function checkIssueInstant(assertion: Element, x: Expectations, trace: Trace): void {
  const issued = Date.parse(attr(assertion, 'IssueInstant') as string);
  trace.require(issued <= x.nowMs + x.skewMs, 'SAML_NOT_YET_VALID', 'issue-instant', `IssueInstant in the future, skew ${x.skewMs / 1000}s`);
}

/**
 * saml-profiles §4.1.4.2: exactly one bearer SubjectConfirmation whose data names our ACS as Recipient and
 * carries NotOnOrAfter. Returns its NotOnOrAfter and InResponseTo.
 */
export function checkSubjectConfirmation(assertion: Element, x: Expectations, trace: Trace): { notOnOrAfter: string; inResponseTo?: string } {
  const subject = child(assertion, NS.saml, 'Subject');
  const bearers = subject ? children(subject, NS.saml, 'SubjectConfirmation').filter((sc) => attr(sc, 'Method') === BEARER) : [];
  const data = bearers.length === 1 ? child(bearers[0] as Element, NS.saml, 'SubjectConfirmationData') : undefined;
  if (!data) throw trace.fail('SAML_SUBJECT_CONFIRMATION_INVALID', 'subject-confirmation', `${bearers.length} bearer confirmations with data`);
  trace.require(attr(data, 'Recipient') === x.acsUrl, 'SAML_RECIPIENT_MISMATCH', 'recipient', 'Recipient is not our ACS URL');
  const notOnOrAfter = attr(data, 'NotOnOrAfter');
  if (!notOnOrAfter) throw trace.fail('SAML_SUBJECT_CONFIRMATION_INVALID', 'subject-confirmation', 'no NotOnOrAfter');
  requireWindow(windowOf(data), x.nowMs, x.skewMs, 'confirmation-window', trace);
  return { notOnOrAfter, inResponseTo: attr(data, 'InResponseTo') };
}

/** saml-core §2.7.2: the IdP's session must not have ended. */
export function checkSession(assertion: Element, x: Expectations, trace: Trace): string | undefined {
  const authn = child(assertion, NS.saml, 'AuthnStatement');
  const sessionEnd = authn && attr(authn, 'SessionNotOnOrAfter');
  requireWindow({ notOnOrAfter: sessionEnd }, x.nowMs, x.skewMs, 'session-window', trace);
  return authn && attr(authn, 'SessionIndex');
}
