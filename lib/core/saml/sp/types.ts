/**
 * Public types of Rolegate's SAML service provider (upstream IdP → Rolegate). The checks they drive are
 * listed in AWS-FACTS §2; the spec references are SAML 2.0 core (saml-core), bindings (saml-bindings) and
 * profiles (saml-profiles), OASIS 2005.
 */
import type { GatewayErrorCode } from '../../errors';
import type { NameIdPolicy } from '../name-id';

/** One connection to an upstream SAML IdP. Parsed once by {@link createSamlSp}; keys are imported once. */
export interface SamlSpConnection {
  /** Our SP entityID: the only accepted `<Audience>` (saml-core §2.5.1.4). */
  spEntityId: string;
  /** Our Assertion Consumer Service URL: the only accepted Destination and Recipient (saml-profiles §4.1.4.2–3). */
  acsUrl: string;
  /**
   * Our SingleLogoutService URL: the only accepted Destination of a LogoutRequest. Single logout is on when
   * it is set, the IdP's metadata has an HTTP-Redirect SingleLogoutService and we have a signing key.
   */
  sloUrl?: string;
  /** The IdP's `<EntityDescriptor>`; its signing certificates are the only trusted keys. */
  idpMetadataXml: string;
  /** PEM key + certificate used to sign AuthnRequests when the IdP sets WantAuthnRequestsSigned. */
  spSigningKey?: string;
  spSigningCert?: string;
  /** PEM key + certificate for EncryptedAssertion (RSA-OAEP key transport only). */
  spEncryptionKey?: string;
  spEncryptionCert?: string;
  /** Accept responses that answer no AuthnRequest of ours (IdP-initiated SSO, saml-profiles §4.1.5). */
  allowIdpInitiated: boolean;
  /** Tolerance for NotBefore / NotOnOrAfter, in seconds. Default 60. */
  clockSkewSeconds?: number;
  /** Accept RSA-SHA1 / SHA-1 digests. Collision-broken (xmldsig-core §6.4): only for IdPs that can do nothing else. */
  DANGEROUSLY_ALLOW_SHA1?: boolean;
  /** What the AuthnRequest's NameIDPolicy asks for (../name-id.ts). Default `omit`: no Format. */
  nameIdPolicy?: NameIdPolicy;
  /** The `<NameIDFormat>`s our SP metadata lists, most preferred first. Default: acceptedNameIdFormats. */
  nameIdFormats?: readonly string[];
}

/**
 * Remembers assertion IDs until they expire (saml-profiles §4.1.4.5). Shared by every Rolegate instance.
 * `seen` is asked before the request is checked, so a re-posted response reads as the replay it is;
 * `remember` is called last, after every other check passed and the request was accepted. It may record, or
 * only check and leave the recording to the caller's commit (the server records it in the transaction
 * that creates the session, lib/db/repos/saml-signin.ts), so a sign-in that fails later spends nothing.
 */
export interface ReplayStore {
  /** True when `id` is recorded (a replay). Reads only: asked before the request is checked. */
  seen(id: string): Promise<boolean>;
  /** Records `id` until `expiresAt`. Resolves false when the id was already recorded (a replay). */
  remember(id: string, expiresAt: Date): Promise<boolean>;
}

/**
 * AuthnRequest IDs we issued and have not seen answered (saml-core §3.2.2 InResponseTo). As with
 * {@link ReplayStore}, a store may consume here or only check and leave consuming to the caller's commit.
 */
export interface RequestStore {
  /** Removes `id`. Resolves false when we never issued it, or it was already used or expired. */
  consume(id: string): Promise<boolean>;
}

/** One check in the order it ran: what the admin diagnostics show (never the raw XML). */
export interface TraceEntry {
  check: string;
  ok: boolean;
  detail?: string;
}

/** What a rejected response leaves behind for auditing. */
export interface SamlRejection {
  code: GatewayErrorCode;
  trace: readonly TraceEntry[];
}

export interface ValidateContext {
  now: Date;
  requests: RequestStore;
  replay: ReplayStore;
  /** Called once per rejection, before the error is thrown (audit sink). Its failures are not swallowed. */
  onRejected?: (rejection: SamlRejection) => void | Promise<void>;
}

/** A response that passed every check. All values come from the signed assertion. */
export interface ValidatedAssertion {
  issuer: string;
  nameId: string;
  nameIdFormat?: string;
  /** The NameID's qualifiers as signed: sent back in a LogoutRequest (saml-core §3.7.1). */
  nameQualifier?: string;
  spNameQualifier?: string;
  sessionIndex?: string;
  assertionId: string;
  /** The earliest NotOnOrAfter of the subject confirmation and the conditions. */
  notOnOrAfter: Date;
  /** Until when the assertion ID must be remembered: `notOnOrAfter` plus the allowed clock skew. */
  replayUntil: Date;
  /** Absent for an IdP-initiated response. */
  inResponseTo?: string;
  attributes: Record<string, string[]>;
  trace: TraceEntry[];
}

/** The sign-in a LogoutRequest of ours ends at the IdP: the NameID and SessionIndex of that assertion. */
export interface SamlSessionRef {
  nameId: string;
  nameIdFormat?: string;
  nameQualifier?: string;
  spNameQualifier?: string;
  sessionIndex?: string;
}

/** An IdP's LogoutRequest as it arrived: the query string (HTTP-Redirect) or the form fields (HTTP-POST). */
export type LogoutRequestInput =
  | { binding: 'redirect'; /** The exact query string received, without `?`: the signature covers its bytes. */ query: string }
  | { binding: 'post'; samlRequest: string; relayState?: string };

export interface LogoutValidateContext {
  now: Date;
  /** LogoutRequest IDs already acted on (remembered like assertion IDs). */
  replay: ReplayStore;
  onRejected?: (rejection: SamlRejection) => void | Promise<void>;
}

/** A LogoutRequest that passed every check (saml-core §3.7.1). */
export interface ValidatedLogoutRequest {
  id: string;
  issuer: string;
  nameId: string;
  nameIdFormat?: string;
  /** Empty: every session of this NameID ends (saml-core §3.7.3.2). */
  sessionIndexes: string[];
  relayState?: string;
  /** Until when the ID must be remembered: the end of the window in which it would be accepted. */
  replayUntil: Date;
  trace: TraceEntry[];
}

/** saml-core §3.2.2.2 top-level status codes a LogoutResponse of ours carries. */
export type LogoutStatus = 'Success' | 'Requester' | 'Responder';

export interface AuthnRequestOptions {
  relayState?: string;
  forceAuthn?: boolean;
}

export interface SamlSp {
  /** Our SP metadata (saml-metadata §2.4.4) for the IdP administrator. */
  spMetadataXml(): string;
  /** An HTTP-Redirect AuthnRequest (saml-bindings §3.4). Store `id` in the RequestStore before redirecting. */
  createAuthnRequest(opts?: AuthnRequestOptions): { url: string; id: string };
  /** Validates a base64 `SAMLResponse` from the HTTP-POST binding (saml-bindings §3.5). */
  validateResponse(samlResponseBase64: string, ctx: ValidateContext): Promise<ValidatedAssertion>;
  /** True when single logout is on for this connection (see {@link SamlSpConnection.sloUrl}). */
  readonly singleLogout: boolean;
  /** A signed HTTP-Redirect LogoutRequest for the IdP (saml-bindings §3.4.4.1); undefined when single logout is off. */
  createLogoutRequest(session: SamlSessionRef, relayState?: string): { url: string; id: string } | undefined;
  /** A signed HTTP-Redirect LogoutResponse answering `inResponseTo`; undefined when single logout is off. */
  createLogoutResponse(inResponseTo: string, status: LogoutStatus, relayState?: string): string | undefined;
  /** Checks an IdP's LogoutRequest as strictly as a Response (logout-request.ts); never through samlify. */
  validateLogoutRequest(input: LogoutRequestInput, ctx: LogoutValidateContext): Promise<ValidatedLogoutRequest>;
}
