/**
 * The validation pipeline for one upstream SAML Response (saml-bindings §3.5 HTTP-POST, saml-profiles §4.1
 * Web Browser SSO). Order: cheap refusals before parsing, structure before schema, policy before crypto,
 * the signatures (verify-signatures.ts, xml-crypto's public API), then every check on the signed view only
 * (signed-view.ts), and the shared-state checks last so a bad response never burns a request ID or an
 * assertion ID.
 */
import type { IdentityProviderInstance, ServiceProviderInstance } from 'samlify';
import { checkSignatureAlgorithms } from './algorithms';
import * as checks from './assertion-checks';
import { checkSignatureCerts } from './cert-trust';
import { decryptResponse } from './decrypt';
import { concealAfterDecryption } from './encrypted-refusal';
import { decodeResponse, parseOnce, rejectDoctype } from './gate';
import { readAttributes, readNameId } from './identity';
import { SchemaViolation, validateResponseSchema } from './schema';
import { consumeRequest, refuseSeenAssertion, rememberAssertion, solicitedRequestId } from './session-checks';
import { signedView } from './signed-view';
import { checkStructure, type ResponseShape } from './structure';
import { asValidationError, Trace } from './trace';
import type { ValidateContext, ValidatedAssertion } from './types';
import { verifySignatures, type VerifyKey } from './verify-signatures';
import { attr } from './xml';

/** What {@link createSamlSp} prepares once per connection. */
export interface SpRuntime {
  spEntityId: string;
  acsUrl: string;
  idpEntityId: string;
  trustedCerts: ReadonlySet<string>;
  /** The metadata signing keys, imported once: the only keys a response signature is verified with. */
  keys: readonly VerifyKey[];
  allowIdpInitiated: boolean;
  allowSha1: boolean;
  skewMs: number;
  /** samlify's entities, for AuthnRequests and metadata (never for verifying a response). */
  sp: ServiceProviderInstance;
  idp: IdentityProviderInstance;
  /** The samlify SP holding the decryption key, when the connection has one. */
  decryptingSp?: ServiceProviderInstance;
}

/** Runs a schema validator (the Response's by default) as a traced check. */
export function checkSchema(doc: Document, trace: Trace, validate: (doc: Document) => void = validateResponseSchema): void {
  try {
    validate(doc);
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: the validator throws only SchemaViolation; the test keeps a bug from posing as a schema error
    if (e instanceof SchemaViolation) throw trace.fail('SAML_SCHEMA_INVALID', 'schema', e.message, e);
    throw e;
  }
  trace.pass('schema');
}

interface Prepared {
  xml: string;
  doc: Document;
  shape: ResponseShape;
}

/** Schema and policy on the response whose signatures are verified next. */
function finish(rt: SpRuntime, prepared: Prepared, trace: Trace): Prepared {
  checkSchema(prepared.doc, trace);
  checkSignatureAlgorithms(prepared.shape.signatures, rt.allowSha1, trace);
  checkSignatureCerts(prepared.shape.signatures, rt.trustedCerts, trace);
  return prepared;
}

/** Decrypts the EncryptedAssertion (its Response checked by schema first); the plaintext Response gets every check again. */
async function decrypted(rt: SpRuntime, outer: Prepared, encrypted: Element, trace: Trace): Promise<Prepared> {
  checkSchema(outer.doc, trace);
  const xml = await decryptResponse(outer.xml, encrypted, rt.decryptingSp, trace);
  const doc = parseOnce(xml, trace, 'decrypted-well-formed');
  // A second lock: decryptResponse dropped the Response signature, so an unsigned plaintext assertion is
  // already refused by checkStructure's no-signature check, with the same code.
  // Stryker disable next-line BooleanLiteral: equivalent while decryptResponse drops the Response signature (its own test)
  return finish(rt, { xml, doc, shape: checkStructure(doc, trace, true) }, trace);
}

/**
 * Gate, parse, structure, schema and policy; decrypts an EncryptedAssertion. Returns the XML whose
 * signatures are verified; synchronously for a plaintext assertion (no await, no promise, on the common path).
 */
function prepare(rt: SpRuntime, b64: string, trace: Trace): Prepared | Promise<Prepared> {
  const xml = decodeResponse(b64, trace);
  rejectDoctype(xml, trace);
  const doc = parseOnce(xml, trace);
  const shape = checkStructure(doc, trace);
  if (shape.encryptedAssertion) return decrypted(rt, { xml, doc, shape }, shape.encryptedAssertion, trace);
  return finish(rt, { xml, doc, shape }, trace);
}

async function pipeline(rt: SpRuntime, b64: string, ctx: ValidateContext, trace: Trace): Promise<ValidatedAssertion> {
  const prepared = prepare(rt, b64, trace);
  // Stryker disable next-line ConditionalExpression: awaiting a plain value yields it unchanged; the test only saves a microtask
  const { xml, shape } = prepared instanceof Promise ? await prepared : prepared;
  const { response, assertion } = signedView(shape, verifySignatures(xml, shape.signatures, rt.keys, trace), trace);
  // Exclusive canonicalization drops comments, so `admin@x.com<!---->.evil` is one plain text in the signed
  // view: the NameID as received is checked for markup too (CVE-2017-11427; its value is read from the view).
  readNameId(shape.assertion as Element, trace);
  const x: checks.Expectations = { ...rt, nowMs: ctx.now.getTime() };
  const issuer = checks.checkIssuer(response, assertion, x, trace);
  checks.checkDestination(response, x, trace);
  const conditionsEnd = checks.checkConditions(assertion, x, trace);
  const confirmation = checks.checkSubjectConfirmation(assertion, x, trace);
  const sessionIndex = checks.checkSession(assertion, x, trace);
  const { nameId, nameIdFormat, nameQualifier, spNameQualifier } = readNameId(assertion, trace);
  const requestId = solicitedRequestId(
    { confirmation: confirmation.inResponseTo, response: attr(response, 'InResponseTo'), allowIdpInitiated: rt.allowIdpInitiated },
    trace,
  );

  const ends = [confirmation.notOnOrAfter, conditionsEnd].filter((v): v is string => v !== undefined).map(Date.parse);
  const notOnOrAfter = new Date(Math.min(...ends));
  const assertionId = attr(assertion, 'ID') as string;
  const replayUntil = new Date(notOnOrAfter.getTime() + rt.skewMs);
  // A known assertion is a replay whatever it answers. Otherwise the request is checked before the
  // assertion ID is recorded: a response answering no pending request of ours (a wrong InResponseTo,
  // another browser's request) must not spend its assertion ID, or whoever saw it first could burn it.
  await refuseSeenAssertion(ctx.replay, assertionId, trace);
  if (requestId !== undefined) await consumeRequest(ctx.requests, requestId, trace);
  await rememberAssertion(ctx.replay, assertionId, replayUntil, trace);

  const attributes = readAttributes(assertion);
  return { issuer, nameId, nameIdFormat, nameQualifier, spNameQualifier, sessionIndex, assertionId, notOnOrAfter, replayUntil, inResponseTo: requestId, attributes, trace: trace.entries };
}

/**
 * Validates one response; every failure is reported to `ctx.onRejected` and thrown as a GatewayError (after
 * decryption and before a verified signature, always SAML_DECRYPTION_FAILED: encrypted-refusal.ts).
 */
export async function validateSamlResponse(rt: SpRuntime, b64: string, ctx: ValidateContext): Promise<ValidatedAssertion> {
  const trace = new Trace();
  try {
    return await pipeline(rt, b64, ctx, trace);
  } catch (e) {
    const error = concealAfterDecryption(asValidationError(e, trace));
    await ctx.onRejected?.({ code: error.code, trace: error.trace });
    throw error;
  }
}
