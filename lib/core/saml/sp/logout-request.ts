/**
 * The validation pipeline for an IdP's LogoutRequest (saml-core §3.7, saml-profiles §4.4), as strict as the
 * Response's and built from its pieces: size cap, DOCTYPE refused, one well-formed parse, structure (no
 * wrapping), schema, algorithm and certificate policy, the signature by a metadata certificate, then
 * Issuer, Destination, time window and NameID, and the replay cache last, so a bad request spends nothing.
 * HTTP-Redirect: the query signature is verified over the received bytes before the message is inflated.
 * samlify never sees the message (GHSA-63ch-w8pw-4mf2).
 */
import type { KeyObject } from 'node:crypto';
import { checkSignatureAlgorithms } from './algorithms';
import { checkSignatureCerts } from './cert-trust';
import { decodeResponse, parseOnce, rejectDoctype } from './gate';
import * as checks from './logout-checks';
import { verifyEnvelopedSignature } from './logout-signature';
import { checkLogoutStructure } from './logout-structure';
import { formDecode, inflateRedirectMessage, readRedirectQuery, verifyRedirectSignature } from './redirect-binding';
import { validateLogoutRequestSchema } from './schema';
import { asValidationError, Trace } from './trace';
import type { LogoutRequestInput, LogoutValidateContext, ValidatedLogoutRequest } from './types';
import { checkSchema } from './validate-response';
import { attr } from './xml';

const MAX_RELAY_STATE_BYTES = 80;

/** What {@link createSamlSp} prepares for single logout. */
export interface LogoutRuntime {
  idpEntityId: string;
  sloUrl: string;
  /** The metadata signing certificates: base64 bodies (KeyInfo check) and their imported keys. */
  trustedCerts: ReadonlySet<string>;
  keys: readonly KeyObject[];
  allowSha1: boolean;
  skewMs: number;
}

/** saml-bindings §3.4.3: at most 80 bytes; we only echo it back to the IdP. Empty counts as none. */
function relayStateOf(value: string | undefined, trace: Trace): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (Buffer.byteLength(value) > MAX_RELAY_STATE_BYTES) throw trace.fail('SAML_MALFORMED', 'relay-state', 'RelayState longer than 80 bytes');
  return value;
}

/** The RelayState of a redirect query, %-decoded. */
function queryRelayState(raw: string | undefined, trace: Trace): string | undefined {
  if (raw === undefined) return undefined;
  const value = formDecode(raw);
  if (value === undefined) throw trace.fail('SAML_MALFORMED', 'relay-state', 'RelayState is not %-encoded');
  return value;
}

/** The message XML and RelayState, with the binding's signature checked where it lives in the query. */
function received(rt: LogoutRuntime, input: LogoutRequestInput, trace: Trace): { xml: string; relayState?: string } {
  trace.pass('message', `LogoutRequest, HTTP-${input.binding === 'redirect' ? 'Redirect' : 'POST'}`);
  if (input.binding === 'post') return { xml: decodeResponse(input.samlRequest, trace), relayState: relayStateOf(input.relayState, trace) };
  const q = readRedirectQuery(input.query, 'SAMLRequest', trace);
  verifyRedirectSignature(q, 'SAMLRequest', rt.keys, rt.allowSha1, trace);
  return { xml: inflateRedirectMessage(q, trace), relayState: relayStateOf(queryRelayState(q.relayState, trace), trace) };
}

async function pipeline(rt: LogoutRuntime, input: LogoutRequestInput, ctx: LogoutValidateContext, trace: Trace): Promise<ValidatedLogoutRequest> {
  const { xml, relayState } = received(rt, input, trace);
  rejectDoctype(xml, trace);
  const doc = parseOnce(xml, trace);
  const { request, signature } = checkLogoutStructure(doc, input.binding, trace);
  checkSchema(doc, trace, validateLogoutRequestSchema);
  if (signature) {
    checkSignatureAlgorithms([signature], rt.allowSha1, trace);
    checkSignatureCerts([signature], rt.trustedCerts, trace);
    verifyEnvelopedSignature(xml, signature, rt.keys, trace);
  }
  const x: checks.LogoutExpectations = { ...rt, nowMs: ctx.now.getTime() };
  const issuer = checks.checkLogoutIssuer(request, x, trace);
  checks.checkLogoutDestination(request, x, trace);
  const acceptedUntil = checks.checkLogoutTime(request, x, trace);
  const { nameId, nameIdFormat, sessionIndexes } = checks.readLogoutSubject(request, trace);
  // The schema made ID a required xs:ID.
  const id = attr(request, 'ID') as string;
  const replayUntil = new Date(acceptedUntil);
  if (await ctx.replay.seen(id)) throw trace.fail('SAML_REPLAY', 'replay', 'LogoutRequest ID already used');
  trace.require(await ctx.replay.remember(id, replayUntil), 'SAML_REPLAY', 'replay', 'LogoutRequest ID already used');
  return { id, issuer, nameId, nameIdFormat, sessionIndexes, relayState, replayUntil, trace: trace.entries };
}

/** Validates one LogoutRequest; every failure is reported to `ctx.onRejected` and thrown as a GatewayError. */
export async function validateLogoutRequest(rt: LogoutRuntime, input: LogoutRequestInput, ctx: LogoutValidateContext): Promise<ValidatedLogoutRequest> {
  const trace = new Trace();
  try {
    return await pipeline(rt, input, ctx, trace);
  } catch (e) {
    const error = asValidationError(e, trace);
    await ctx.onRejected?.({ code: error.code, trace: error.trace });
    throw error;
  }
}
