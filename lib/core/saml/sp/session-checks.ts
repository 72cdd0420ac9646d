/**
 * The checks that need shared state: InResponseTo against the AuthnRequests we issued (saml-profiles
 * §4.1.4.2, [AUD] F-5) and assertion-ID replay (saml-profiles §4.1.4.5). Both stores are the caller's.
 */
import type { RequestStore, ReplayStore } from './types';
import type { Trace } from './trace';

export interface InResponseToInput {
  /** From the signed SubjectConfirmationData. */
  confirmation?: string;
  /** From the Response element (signed only if the Response signature was). */
  response?: string;
  allowIdpInitiated: boolean;
}

/**
 * Decides which request the response answers, before any store is touched:
 * - neither carries InResponseTo → unsolicited: allowed only with `allowIdpInitiated`;
 * - the Response names a request but the signed confirmation does not → SAML_IN_RESPONSE_TO_MISSING;
 * - the two differ → SAML_IN_RESPONSE_TO_MISMATCH.
 * Returns the request id to consume, or undefined for an allowed IdP-initiated response.
 */
export function solicitedRequestId(x: InResponseToInput, trace: Trace): string | undefined {
  if (x.confirmation === undefined && x.response === undefined) {
    if (!x.allowIdpInitiated) throw trace.fail('SAML_UNSOLICITED', 'in-response-to', 'no InResponseTo and IdP-initiated is off');
    trace.pass('in-response-to', 'IdP-initiated');
    return undefined;
  }
  if (x.confirmation === undefined) {
    throw trace.fail('SAML_IN_RESPONSE_TO_MISSING', 'in-response-to', 'SubjectConfirmationData has no InResponseTo');
  }
  if (x.response !== undefined && x.response !== x.confirmation) {
    throw trace.fail('SAML_IN_RESPONSE_TO_MISMATCH', 'in-response-to', 'Response and SubjectConfirmationData disagree');
  }
  return x.confirmation;
}

/** Refuses an assertion ID already recorded, without recording anything. */
export async function refuseSeenAssertion(replay: ReplayStore, id: string, trace: Trace): Promise<void> {
  if (await replay.seen(id)) throw trace.fail('SAML_REPLAY', 'replay', 'assertion ID already used');
}

/** Records the assertion ID until it expires; a second sighting is a replay. */
export async function rememberAssertion(replay: ReplayStore, id: string, expiresAt: Date, trace: Trace): Promise<void> {
  const fresh = await replay.remember(id, expiresAt);
  trace.require(fresh, 'SAML_REPLAY', 'replay', 'assertion ID already used');
}

/** Consumes the AuthnRequest ID; unknown, expired or already answered requests fail. */
export async function consumeRequest(requests: RequestStore, id: string, trace: Trace): Promise<void> {
  const known = await requests.consume(id);
  trace.require(known, 'SAML_IN_RESPONSE_TO_MISMATCH', 'in-response-to', 'no pending AuthnRequest with this ID');
}
