/**
 * The signed `<samlp:Response>` Rolegate (as the IdP IAM trusts) POSTs to AWS's `/saml` sign-in
 * endpoint for the console, or hands to STS AssumeRoleWithSAML (base64-encoded by the caller).
 * Shape per AWS-FACTS §1.2 ([UG id_roles_providers_create_saml_assertions], [UG troubleshoot_saml])
 * and saml-core-2.0-os; IdP-initiated, so no InResponseTo.
 *
 * Why xml-crypto + our own DOM and not samlify's `createLoginResponse`: samlify fills a string
 * template (escaped only since 2.13.0, GHSA-34r5-q4jw-r36m) and needs an SP entity, metadata and a
 * request context AWS never sends. A DOM tree cannot be re-structured by a value, and signing with
 * SignedXml directly pins the algorithms and the Signature's position.
 *
 * What is signed: the Assertion only (enveloped, after its Issuer). IAM verifies the assertion
 * signature against the metadata certificates; "assertion only" is ADFS's default and the shape of
 * the real ADFS→AWS response saml2aws keeps as `testdata/assertion.xml`. Everything AWS acts on
 * (Issuer, Recipient, Audience, NameID, attributes, times) is inside the signed Assertion; the
 * unsigned Response envelope only carries Destination, Issuer and Status.
 */
import { GatewayError } from '../../errors';
import { awsSamlAttributes, type AwsAttributeInput } from './attributes';
import { serialize } from './dom';
import { signinHostPartition } from './names';
import { responseDocument } from './response-document';
import { assertSigner, signAssertion, type SamlSigner } from './sign';
import { assertNameId, assertSamlUrl, assertSessionWindow, assertValidity } from './values';

/** What {@link buildAwsSamlResponse} needs. Every string is validated before it reaches the XML. */
export interface AwsSamlResponseInput extends Omit<AwsAttributeInput, 'sessionDurationSeconds'> {
  /** Our IdP entity id; must equal the entityID of the metadata uploaded to IAM. */
  issuer: string;
  /** The partition's/region's sign-in `/saml` URL, e.g. https://signin.aws.amazon.com/saml. */
  recipient: string;
  /** Opaque persistent user id (lands in CloudTrail; not an email). */
  nameId: string;
  now: Date;
  /** Assertion lifetime, 1–300 s. */
  lifetimeSeconds: number;
  /**
   * Console session length (SessionDuration, 900–43200 s). Required: an assertion without it gives the
   * console AWS's default hour whatever the role's limit or the grant's end.
   */
  sessionDurationSeconds: number;
  /**
   * The AuthnStatement's SessionNotOnOrAfter: no session (console or STS) made from this assertion
   * lasts past it, whoever presents it ([UG id_roles_providers_create_saml_assertions]). After `now`,
   * at most 12 hours on.
   */
  sessionNotOnOrAfter: Date;
  signer: SamlSigner;
  /** Accept `http:` issuer/recipient URLs. Only for the local demo against the AWS emulator. */
  allowHttp?: boolean;
}

/** STS `SAMLAssertion` is at most 100 000 base64 characters (AWS-FACTS §1.1). */
export const MAX_BASE64_LENGTH = 100_000;

function assertRecipientPartition(recipient: string, rolesPartition: string): void {
  const partition = signinHostPartition(new URL(recipient).hostname);
  if (partition !== undefined && partition !== rolesPartition) {
    throw new GatewayError('AWS_VALUE_INVALID', 'recipient and roles are in different partitions', {
      publicDetail: 'the AWS sign-in URL belongs to another partition than the roles',
    });
  }
}

function assertSize(xml: string): void {
  // Buffer.byteLength counts UTF-8 by default, the encoding the response is sent in.
  const base64Length = Math.ceil(Buffer.byteLength(xml) / 3) * 4;
  if (base64Length > MAX_BASE64_LENGTH) {
    throw new GatewayError('SAML_TOO_LARGE', `SAML response is ${base64Length} base64 chars`, {
      publicDetail: 'too many roles or session tags for one AWS sign-in',
    });
  }
}

/**
 * Builds and signs the SAML Response for AWS. Validates everything first and throws
 * `SAML_ATTRIBUTE_INVALID` / `AWS_VALUE_INVALID` (public detail names the field, never the value),
 * `SIGNING_KEY_UNAVAILABLE` for an unusable key or `SAML_TOO_LARGE` past STS's size limit; on any
 * error nothing is returned. Returns the signed XML (UTF-8 text without XML declaration).
 *
 * Emits: Response `Destination` = `recipient`; Issuer = `issuer` (Response and Assertion); NameID
 * Format persistent; exactly one bearer SubjectConfirmation with `Recipient` and `NotOnOrAfter`;
 * Conditions `NotBefore` (60 s back, for clock skew) / `NotOnOrAfter` = now + lifetime; Audience
 * = AWS's SP entity id for the roles' partition (`urn:amazon:webservices` in aws); AuthnStatement
 * with AuthnInstant, SessionIndex and SessionNotOnOrAfter; the AWS attributes of
 * {@link awsSamlAttributes}, SessionDuration always among them.
 */
export function buildAwsSamlResponse(input: AwsSamlResponseInput): string {
  assertValidity(input.now, input.lifetimeSeconds);
  const issuer = assertSamlUrl('issuer', input.issuer, input.allowHttp === true);
  const recipient = assertSamlUrl('recipient', input.recipient, input.allowHttp === true);
  const nameId = assertNameId(input.nameId);
  const { partition, attributes } = awsSamlAttributes(input);
  assertSessionWindow(input.now, input.sessionDurationSeconds, input.sessionNotOnOrAfter);
  assertRecipientPartition(recipient, partition);
  assertSigner(input.signer);
  const doc = responseDocument({
    issuer,
    recipient,
    nameId,
    partition,
    attributes,
    now: input.now,
    lifetimeSeconds: input.lifetimeSeconds,
    sessionNotOnOrAfter: input.sessionNotOnOrAfter,
  });
  const signed = signAssertion(serialize(doc), input.signer);
  assertSize(signed);
  return signed;
}
