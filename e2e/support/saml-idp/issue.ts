/**
 * Issues a SAML Response of one shape: builds the XML (response-xml.ts), applies the test's `mutate` hook, then
 * lets samlify's IdentityProvider sign it (RSA-SHA256, SHA-256 digests, enveloped + exc-c14n transforms, the
 * certificate in KeyInfo). What is signed follows the shape unless the caller overrides it; samlify signs the
 * Assertion first, then the Response, so a Response signature covers the signed Assertion.
 */
import * as samlify from 'samlify';

import type { ShapeRuntime } from './entities';
import { buildResponseXml } from './response-xml';
import type { NameIdFormat } from './shapes';
import { subjectNameId } from './subject';
import type { SamlDemoUser } from './users';
import { base64, parseXml, serializeXml } from './xml';

/** Responses (SubjectConfirmationData and Conditions NotOnOrAfter) are valid for 5 minutes. */
export const RESPONSE_LIFETIME_MS = 5 * 60_000;

export interface ResponseTarget {
  readonly entityId: string;
  readonly acsUrl: string;
}

export interface ResponseOptions {
  /** Absent: an unsolicited (IdP-initiated) response, without InResponseTo. */
  readonly inResponseTo?: string;
  /** Defaults: what the shape's product signs (SHAPES[shape].signs). Both false: an unsigned response. */
  readonly signResponse?: boolean;
  readonly signAssertion?: boolean;
  /** Used when the shape supports it; otherwise the shape's default NameID format. */
  readonly nameIdFormat?: NameIdFormat;
  /** IssueInstant / AuthnInstant; all validity times derive from it. Default: now. */
  readonly now?: Date;
  /** Edits the unsigned document BEFORE signing (keep the Issuer elements when signing: samlify anchors on them). */
  readonly mutate?: (doc: Document) => void;
}

function responseXml(rt: ShapeRuntime, user: SamlDemoUser, target: ResponseTarget, opts: ResponseOptions): { id: string; xml: string } {
  const id = rt.info.newId();
  const xml = buildResponseXml({
    shape: rt.info,
    issuer: rt.entityId,
    responseId: id,
    assertionId: rt.info.newId(),
    sessionIndex: rt.info.newId(),
    now: opts.now ?? new Date(),
    lifetimeMs: RESPONSE_LIFETIME_MS,
    acsUrl: target.acsUrl,
    audience: target.entityId,
    inResponseTo: opts.inResponseTo,
    nameId: subjectNameId(user, opts.nameIdFormat, { idpEntityId: rt.entityId, spEntityId: target.entityId }),
    attributes: user.attributes,
  });
  if (!opts.mutate) return { id, xml };
  const doc = parseXml(xml);
  opts.mutate(doc);
  return { id, xml: serializeXml(doc) };
}

/** Returns the base64 `SAMLResponse`. */
export async function issueSamlResponse(
  rt: ShapeRuntime, user: SamlDemoUser, target: ResponseTarget, opts: ResponseOptions = {},
): Promise<string> {
  const { id, xml } = responseXml(rt, user, target, opts);
  const signResponse = opts.signResponse ?? rt.info.signs.response;
  const signAssertion = opts.signAssertion ?? rt.info.signs.assertion;
  if (!signResponse && !signAssertion) return base64(xml);
  // samlify decides what to sign from the SP's settings: WantAssertionsSigned → Assertion; wantMessageSigned (or no
  // Assertion signature) → Response. A throwaway SP entity carries exactly the wanted combination.
  const sp = samlify.ServiceProvider({
    entityID: target.entityId,
    assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: target.acsUrl }],
    wantAssertionsSigned: signAssertion,
    wantMessageSigned: signResponse,
  });
  const result = await rt.idp.createLoginResponse(sp, { extract: {} }, 'post', {}, {
    customTagReplacement: () => ({ id, context: xml }),
  });
  return result.context;
}
