/**
 * Reads a (signed) SAML Assertion the way STS checks it (AWS-FACTS §1.2): exactly one bearer
 * SubjectConfirmation whose SubjectConfirmationData has NotOnOrAfter and an accepted Recipient, Conditions
 * with AWS's audience, the validity window (5 minutes of skew), the AuthnStatement's SessionNotOnOrAfter and
 * the attributes. NameID is read but checked by the caller (AWS answers AccessDenied without one).
 */
import { AwsError } from './aws-error';
import { AWS_SAML_AUDIENCES } from './saml-endpoints';
import { attr, childElements, NS, onlyChild, textOf } from './saml-xml';

export const SAML_CLOCK_SKEW_MS = 5 * 60 * 1000;
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface SamlAssertionData {
  issuer: string;
  nameId?: string;
  nameIdFormat?: string;
  /** SubjectConfirmationData Recipient: `SAML:aud` and the response's Audience. */
  recipient: string;
  /** Epoch ms of the earliest AuthnStatement SessionNotOnOrAfter, if any. */
  sessionNotOnOrAfter?: number;
  /** Attribute Name → AttributeValue texts (several statements / attributes merge). */
  attributes: ReadonlyMap<string, string[]>;
}

export interface AssertionChecks {
  nowMs: number;
  acceptRecipient: (recipient: string) => boolean;
  /** The Response's Destination attribute, if present: must equal the Recipient. */
  destination?: string;
}

const invalid = (message: string): AwsError =>
  new AwsError('InvalidIdentityToken', `Invalid SAML response: ${message}`);

function one(parent: Element, ns: string, local: string, what: string): Element {
  const el = onlyChild(parent, ns, local);
  if (el === undefined || el === 'many') throw invalid(`expected exactly one ${what}`);
  return el;
}

function time(el: Element, name: string): number | undefined {
  const raw = attr(el, name);
  if (raw === undefined) return undefined;
  if (!DATE_TIME.test(raw)) throw invalid(`${el.localName} ${name} is not an xs:dateTime`);
  return Date.parse(raw);
}

/** NotBefore / NotOnOrAfter of `el` against now ± skew; an expiry is ExpiredTokenException. */
function checkWindow(el: Element, nowMs: number): void {
  const notBefore = time(el, 'NotBefore');
  const notOnOrAfter = time(el, 'NotOnOrAfter');
  if (notOnOrAfter !== undefined && nowMs >= notOnOrAfter + SAML_CLOCK_SKEW_MS) {
    throw new AwsError(
      'ExpiredTokenException',
      `Token expired: ${el.localName} NotOnOrAfter has passed`,
    );
  }
  if (notBefore !== undefined && nowMs + SAML_CLOCK_SKEW_MS < notBefore) {
    throw invalid(`${el.localName} is not yet valid (NotBefore is in the future)`);
  }
}

function checkSubjectConfirmation(subject: Element, opts: AssertionChecks): string {
  const confirmation = one(subject, NS.assertion, 'SubjectConfirmation', 'SubjectConfirmation');
  if (attr(confirmation, 'Method') !== BEARER) throw invalid('SubjectConfirmation must be bearer');
  const data = one(
    confirmation,
    NS.assertion,
    'SubjectConfirmationData',
    'SubjectConfirmationData',
  );
  const recipient = attr(data, 'Recipient');
  if (attr(data, 'NotOnOrAfter') === undefined || recipient === undefined) {
    throw invalid('SubjectConfirmationData needs both NotOnOrAfter and Recipient');
  }
  if (!opts.acceptRecipient(recipient))
    throw invalid(`Recipient ${recipient} is not accepted here`);
  if (opts.destination !== undefined && opts.destination !== recipient) {
    throw invalid('the Response Destination does not match the Recipient');
  }
  checkWindow(data, opts.nowMs);
  return recipient;
}

function checkConditions(assertion: Element, nowMs: number): void {
  const conditions = onlyChild(assertion, NS.assertion, 'Conditions');
  if (conditions === 'many') throw invalid('expected at most one Conditions');
  const restrictions = conditions
    ? childElements(conditions, NS.assertion, 'AudienceRestriction')
    : [];
  const satisfied = (r: Element): boolean =>
    childElements(r, NS.assertion, 'Audience').some((a) => AWS_SAML_AUDIENCES.includes(textOf(a)));
  if (restrictions.length === 0 || !restrictions.every(satisfied)) {
    throw new AwsError('InvalidIdentityToken', 'Response does not contain the required audience');
  }
  if (conditions) checkWindow(conditions, nowMs);
}

function readAttributes(assertion: Element): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const statement of childElements(assertion, NS.assertion, 'AttributeStatement')) {
    for (const a of childElements(statement, NS.assertion, 'Attribute')) {
      const name = attr(a, 'Name') ?? '';
      const values = childElements(a, NS.assertion, 'AttributeValue').map(textOf);
      out.set(name, [...(out.get(name) ?? []), ...values]);
    }
  }
  return out;
}

function sessionNotOnOrAfter(assertion: Element): number | undefined {
  const times = childElements(assertion, NS.assertion, 'AuthnStatement')
    .map((s) => time(s, 'SessionNotOnOrAfter'))
    .filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.min(...times) : undefined;
}

export function checkAssertion(assertion: Element, opts: AssertionChecks): SamlAssertionData {
  const issuer = textOf(one(assertion, NS.assertion, 'Issuer', 'Assertion Issuer'));
  const subject = one(assertion, NS.assertion, 'Subject', 'Subject');
  const recipient = checkSubjectConfirmation(subject, opts);
  checkConditions(assertion, opts.nowMs);
  const nameIdEl = onlyChild(subject, NS.assertion, 'NameID');
  if (nameIdEl === 'many') throw invalid('expected at most one NameID');
  const nameId = textOf(nameIdEl) || undefined;
  return {
    issuer,
    nameId,
    nameIdFormat: nameIdEl ? attr(nameIdEl, 'Format') : undefined,
    recipient,
    sessionNotOnOrAfter: sessionNotOnOrAfter(assertion),
    attributes: readAttributes(assertion),
  };
}
