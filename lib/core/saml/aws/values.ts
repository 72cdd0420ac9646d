/**
 * Guards every value Rolegate puts into an AWS-bound SAML document. They run before any XML is
 * built, so a value that could change the document's structure (GHSA-34r5-q4jw-r36m: unescaped
 * template values became extra attributes in a *signed* samlify assertion) never gets near it, even
 * though the DOM serializer escapes everything anyway (AWS-FACTS §0.3, §2 last row).
 *
 * Errors name the field, never the value: the value may come from an upstream IdP's claims.
 */
import { GatewayError } from '../../errors';

/**
 * Characters no AWS-bound SAML value may contain: XML markup and quotes, `,` (AWS splits the Role
 * attribute on it; the one separator of a Role pair is added by us), C0/C1 controls (CR/LF/TAB
 * included), DEL, the Unicode line/paragraph separators, U+FFFE/U+FFFF (not XML characters) and
 * lone surrogates (not encodable as UTF-8).
 */
const FORBIDDEN = /[<>&"',\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff\p{Cs}]/u;

const FORBIDDEN_TEXT =
  'it contains a character that is not allowed in a SAML value ' +
  '(<, >, &, quotes, comma, line breaks or other control characters)';

/**
 * Throws `SAML_ATTRIBUTE_INVALID` naming `field` (not the value) with `why` as the public detail.
 */
export function rejectValue(field: string, why: string): never {
  throw new GatewayError('SAML_ATTRIBUTE_INVALID', `${field}: ${why}`, {
    publicDetail: `${field}: ${why}`,
  });
}

/** Throws `SAML_ATTRIBUTE_INVALID` unless `value` is a string free of the characters in FORBIDDEN. */
export function assertSamlSafe(field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') rejectValue(field, 'it must be text');
  if (FORBIDDEN.test(value)) rejectValue(field, FORBIDDEN_TEXT);
}

/**
 * Checks an entity id or endpoint URL: SAML-safe, printable ASCII, at most 1024 characters
 * (saml-metadata-2.0-os §2.3.2 `entityID`), an absolute `https:` URL (`http:` only when
 * `allowHttp`, for the local demo), without credentials or fragment. Returns it unchanged: IAM
 * compares the Issuer with the metadata entityID character for character (AWS-FACTS §1.2), so we
 * never normalise it.
 */
export function assertSamlUrl(field: string, value: unknown, allowHttp = false): string {
  assertSamlSafe(field, value);
  if (!/^[\x21-\x7e]{1,1024}$/.test(value)) {
    rejectValue(field, 'it must be 1–1024 printable ASCII characters without spaces');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return rejectValue(field, 'it is not an absolute URL');
  }
  const schemeOk = url.protocol === 'https:' || (allowHttp && url.protocol === 'http:');
  if (!schemeOk)
    rejectValue(field, allowHttp ? 'it must be an http(s) URL' : 'it must be an https URL');
  if (url.username || url.password || url.hash) {
    rejectValue(field, 'it must not contain credentials or a fragment');
  }
  return value;
}

/**
 * NameID: an opaque persistent id of 1–256 printable ASCII characters (saml-core-2.0-os §8.3.7
 * limits persistent ids to 256 characters). It is logged by CloudTrail (AWS-FACTS §1.1), so
 * callers should pass a pseudonymous id, not an email.
 */
export function assertNameId(value: unknown): string {
  assertSamlSafe('NameID', value);
  if (!/^[\x21-\x7e]{1,256}$/.test(value)) {
    rejectValue('NameID', 'it must be 1–256 printable ASCII characters without spaces');
  }
  return value;
}

/**
 * Longest assertion lifetime we issue. AWS publishes no limit; a bearer assertion is a credential,
 * so it lives 5 minutes at most (the ADFS→AWS fixture in AWS-FACTS §1.2 uses exactly 5).
 */
export const MAX_LIFETIME_SECONDS = 300;

/** `Number.isInteger` as a type guard: it is already false for every non-number. */
function isInteger(value: unknown): value is number {
  return Number.isInteger(value);
}

/**
 * Checks `now` is a real date and `lifetimeSeconds` an integer in 1–{@link MAX_LIFETIME_SECONDS}.
 */
export function assertValidity(now: unknown, lifetimeSeconds: unknown): void {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    rejectValue('now', 'it must be a valid date');
  }
  const ok =
    isInteger(lifetimeSeconds) &&
    lifetimeSeconds >= 1 &&
    lifetimeSeconds <= MAX_LIFETIME_SECONDS;
  if (!ok) {
    rejectValue('lifetimeSeconds', `it must be a whole number from 1 to ${MAX_LIFETIME_SECONDS}`);
  }
}

/** AWS's longest role session, and the shortest SessionDuration it accepts (AWS-FACTS §1.1, §1.2). */
const MAX_SESSION_SECONDS = 43_200;
const MIN_SESSION_DURATION_SECONDS = 900;

/**
 * Checks the session window an assertion grants: `sessionNotOnOrAfter` lies after `now` and at most 12
 * hours on, and `sessionDurationSeconds` does not reach past it (unless the window is shorter than the
 * 900 s AWS requires of SessionDuration: then SessionNotOnOrAfter, the lesser, is what ends the session).
 */
export function assertSessionWindow(now: Date, sessionDurationSeconds: unknown, sessionNotOnOrAfter: unknown): void {
  if (!(sessionNotOnOrAfter instanceof Date) || Number.isNaN(sessionNotOnOrAfter.getTime())) {
    rejectValue('sessionNotOnOrAfter', 'it must be a valid date');
  }
  const windowSeconds = (sessionNotOnOrAfter.getTime() - now.getTime()) / 1000;
  if (windowSeconds <= 0 || windowSeconds > MAX_SESSION_SECONDS) {
    rejectValue('sessionNotOnOrAfter', `it must lie after now and at most ${MAX_SESSION_SECONDS} s on`);
  }
  if (typeof sessionDurationSeconds !== 'number') rejectValue('sessionDurationSeconds', 'it must be a number');
  if (sessionDurationSeconds > Math.max(MIN_SESSION_DURATION_SECONDS, Math.ceil(windowSeconds))) {
    rejectValue('sessionDurationSeconds', 'it must not outlast sessionNotOnOrAfter');
  }
}
