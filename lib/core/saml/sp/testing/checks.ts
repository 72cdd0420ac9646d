/**
 * Test-only: real-shaped, unsigned responses parsed for the check functions (structure, assertion-checks,
 * session-checks, time-window), so each rule is tested on its own, without samlify or a signature in front
 * of it, and a check that another one shadows still has a test that fails when it goes.
 */
import assert from 'node:assert/strict';
import type { GatewayErrorCode } from '../../../errors';
import type { Expectations } from '../assertion-checks';
import { SamlValidationError, Trace } from '../trace';
import { child, NS, parseXml } from '../xml';
import { responseXml, type ResponseFields } from './build';
import { SHAPES, type IdpShape } from './shapes';

export const IDP = 'https://idp.example.test/adfs/services/trust';
export const SP = 'https://rolegate.test/saml/sp';
export const ACS = 'https://rolegate.test/api/saml/acs';
export const NOW = Date.parse('2026-03-01T12:00:00.000Z');
export const SKEW_MS = 60_000;

export const expectations: Expectations = { idpEntityId: IDP, spEntityId: SP, acsUrl: ACS, nowMs: NOW, skewMs: SKEW_MS };

/** The Response XML an IdP of `shape` sends (unsigned), with `fields` overriding the valid defaults. */
export function responseText(fields: Partial<ResponseFields> = {}, shape: IdpShape = 'adfs'): string {
  const f: ResponseFields = { idpEntityId: IDP, spEntityId: SP, acsUrl: ACS, nameId: 'alice@example.com', attributes: {}, inResponseTo: '_req1', now: new Date(NOW), ...fields };
  return responseXml(SHAPES[shape], f);
}

export interface Parsed {
  doc: Document;
  response: Element;
  assertion: Element;
}

/** Parses `xml` (after `edit` on its text) into the Response and its first Assertion. */
export function parsed(xml: string, edit: (x: string) => string = (x) => x): Parsed {
  const doc = parseXml(edit(xml));
  const response = doc.documentElement;
  const assertion = child(response, NS.saml, 'Assertion') as Element;
  return { doc, response, assertion };
}

/** Runs `check` with a fresh trace; returns the code it refused with, or fails the test when it passed. */
export async function refusal(check: (trace: Trace) => unknown): Promise<{ code: GatewayErrorCode; trace: SamlValidationError['trace'] }> {
  const trace = new Trace();
  try {
    await check(trace);
  } catch (e) {
    assert.ok(e instanceof SamlValidationError, `not a SamlValidationError: ${String(e)}`);
    return { code: e.code, trace: e.trace };
  }
  assert.fail(`accepted; trace ${JSON.stringify(trace.entries)}`);
}

/** Runs `check` with a fresh trace and returns its result and the trace. */
export function passing<T>(check: (trace: Trace) => T): { result: T; trace: Trace } {
  const trace = new Trace();
  return { result: check(trace), trace };
}
