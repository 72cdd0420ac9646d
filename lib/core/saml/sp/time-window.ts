/**
 * Validity windows with clock skew (saml-core §2.5.1.2 Conditions, §2.4.1.2 SubjectConfirmationData,
 * §2.7.2 SessionNotOnOrAfter): valid when NotBefore − skew ≤ now < NotOnOrAfter + skew.
 */
import type { GatewayErrorCode } from '../../errors';
import type { Trace } from './trace';
import { attr } from './xml';

export interface Window {
  notBefore?: string;
  notOnOrAfter?: string;
}

/** The code for `now` outside the window, or undefined when inside; a time that does not parse is outside. */
export function windowProblem(w: Window, nowMs: number, skewMs: number): GatewayErrorCode | undefined {
  // Written as "not inside" so that an unreadable time (NaN, which compares false) is outside: fail closed.
  if (w.notBefore !== undefined && !(nowMs >= Date.parse(w.notBefore) - skewMs)) return 'SAML_NOT_YET_VALID';
  if (w.notOnOrAfter !== undefined && !(nowMs < Date.parse(w.notOnOrAfter) + skewMs)) return 'SAML_EXPIRED';
  return undefined;
}

/** The NotBefore / NotOnOrAfter attributes of an element. */
export function windowOf(el: Element | undefined): Window {
  return el ? { notBefore: attr(el, 'NotBefore'), notOnOrAfter: attr(el, 'NotOnOrAfter') } : {};
}

/** Fails with SAML_EXPIRED / SAML_NOT_YET_VALID when `now` is outside `w`. */
export function requireWindow(w: Window, nowMs: number, skewMs: number, check: string, trace: Trace): void {
  const code = windowProblem(w, nowMs, skewMs);
  if (code) {
    const edge = code === 'SAML_EXPIRED' ? `NotOnOrAfter ${w.notOnOrAfter}` : `NotBefore ${w.notBefore}`;
    throw trace.fail(code, check, `${edge}, skew ${skewMs / 1000}s`);
  }
  trace.pass(check);
}
