/**
 * samlify as the engine: `parseLoginResponse` verifies the XML signature against the metadata certificate
 * (samlify ≥ 2.10 reads only the signed reference, GHSA-r683-v43c-6xqv), checks the Status, the Issuer and
 * the Conditions window. Its error strings are mapped to our codes here; samlify checks none of Audience,
 * Recipient, Destination, InResponseTo or replay (AWS-FACTS §0.1), which run after it.
 */
import type { IdentityProviderInstance, ServiceProviderInstance } from 'samlify';
import type { GatewayErrorCode } from '../../errors';
import { withHandoff } from './samlify-hooks';
import { withEngineRun } from './engine-run';
import { bodyOf } from './samlify-base64';
import type { Trace } from './trace';

type Rule = [RegExp, GatewayErrorCode];

/** samlify 2.13.1 / xml-crypto 6.3.2 error messages (src/flow.ts, src/libsaml.ts, lib/signed-xml.js). */
const RULES: Rule[] = [
  [/ERR_POTENTIAL_WRAPPING_ATTACK|multiple elements with the same value|multiple Signature elements|NO_SIGNATURE_REFERENCES/, 'SAML_WRAPPING_DETECTED'],
  [/ERROR_UNMATCH_CERTIFICATE_DECLARATION_IN_METADATA|NO_SELECTED_CERTIFICATE/, 'SAML_CERT_NOT_TRUSTED'],
  [/FAILED_TO_VERIFY_SIGNATURE|invalid signature|Could not validate all references|signature value/, 'SAML_SIGNATURE_INVALID'],
  [/signature algorithm .* is not supported|hash algorithm .* is not supported/, 'SAML_ALGORITHM_FORBIDDEN'],
  [/canonicalization algorithm .* is not supported/, 'SAML_TRANSFORM_FORBIDDEN'],
  [/ERR_UNMATCH_ISSUER/, 'SAML_ISSUER_MISMATCH'],
  [/ERR_FAILED_STATUS|ERR_UNDEFINED_STATUS/, 'SAML_STATUS_NOT_SUCCESS'],
  [/ERR_EXPIRED_SESSION/, 'SAML_EXPIRED'],
  [/ERR_MULTIPLE_ASSERTION|ERR_EMPTY_ASSERTION/, 'SAML_ASSERTION_COUNT'],
  [/ASSERTION_DECRYPTION|ENCRYPTED_ASSERTION/, 'SAML_DECRYPTION_FAILED'],
  [/XML parsing error|XML fatal error|ERR_INVALID_XML/, 'SAML_MALFORMED'],
];

/** The code for a samlify / xml-crypto failure. Unknown failures are rejections too, never passes. */
export function codeForEngineError(e: unknown): GatewayErrorCode {
  const message = e instanceof Error ? e.message : String(e);
  return RULES.find(([re]) => re.test(message))?.[1] ?? 'SAML_SIGNATURE_INVALID';
}

export interface EngineInput {
  sp: ServiceProviderInstance;
  idp: IdentityProviderInstance;
  /** The exact XML our pipeline parsed and validated, and its Document (read-only from here on). */
  xml: string;
  doc: Document;
  /**
   * Classifies samlify's Conditions-window failure (ERR_SUBJECT_UNCONFIRMED, checked against the system
   * clock) as SAML_EXPIRED or SAML_NOT_YET_VALID.
   */
  timeCode: () => GatewayErrorCode;
}

/** Runs samlify's POST-binding login-response flow on `xml`; maps its failures to GatewayError codes. */
export async function runEngine(input: EngineInput, trace: Trace): Promise<void> {
  const SAMLResponse = bodyOf(input.xml);
  const body = { SAMLResponse };
  try {
    await withHandoff(input.xml, () => withEngineRun(input.xml, input.doc, () => input.sp.parseLoginResponse(input.idp, 'post', { body }), SAMLResponse));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const code = /ERR_SUBJECT_UNCONFIRMED/.test(message) ? input.timeCode() : codeForEngineError(e);
    throw trace.fail(code, 'samlify', message.slice(0, 120), e);
  }
  trace.pass('samlify', 'signature, status, issuer, conditions window');
}
