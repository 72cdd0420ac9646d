/**
 * Rolegate's one error type. Every failure the gateway reports carries a code from a closed union.
 * Users see the code and a public message; logs see the cause. Codes not listed in CLIENT_SAFE_CODES are
 * shown to users as `INTERNAL`.
 */
export type GatewayErrorCode =
  | 'CONFIG_INVALID'
  | 'BAD_REQUEST'
  | 'INPUT_CONTROL_CHARACTER'
  | 'UNAUTHENTICATED'
  | 'SESSION_REVOKED'
  | 'FORBIDDEN'
  | 'CSRF_REJECTED'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'POLICY_NO_ROLE'
  | 'OIDC_ISSUER_MISMATCH'
  | 'OIDC_DOMAIN_NOT_ALLOWED'
  | 'OIDC_GROUPS_OVERAGE'
  | 'OIDC_CLAIMS_INVALID'
  | 'OIDC_IDP_UNKNOWN'
  | 'OIDC_IDP_ERROR'
  | 'OIDC_IDP_UNAVAILABLE'
  | 'OIDC_STATE_INVALID'
  | 'OIDC_TOKEN_INVALID'
  | 'OIDC_TOKEN_NOT_YET_VALID'
  | 'OIDC_TOKEN_EXPIRED'
  | 'AWS_VALUE_INVALID'
  | 'STS_DENIED'
  | 'STS_TOKEN_INVALID'
  | 'STS_TOKEN_EXPIRED'
  | 'STS_DURATION_INVALID'
  | 'STS_IDP_UNREACHABLE'
  | 'STS_REGION_DISABLED'
  | 'STS_UNAVAILABLE'
  | 'CONSOLE_SIGNIN_FAILED'
  | 'SIGNING_KEY_UNAVAILABLE'
  | 'CRYPTO_DECRYPT_FAILED'
  | 'DB_UNAVAILABLE'
  | 'DB_CONFLICT'
  | 'DB_MIGRATION_FAILED'
  | 'SAML_MALFORMED'
  | 'SAML_TOO_LARGE'
  | 'SAML_DOCTYPE_FORBIDDEN'
  | 'SAML_SCHEMA_INVALID'
  | 'SAML_STATUS_NOT_SUCCESS'
  | 'SAML_SIGNATURE_MISSING'
  | 'SAML_SIGNATURE_INVALID'
  | 'SAML_ALGORITHM_FORBIDDEN'
  | 'SAML_TRANSFORM_FORBIDDEN'
  | 'SAML_CERT_NOT_TRUSTED'
  | 'SAML_WRAPPING_DETECTED'
  | 'SAML_ASSERTION_COUNT'
  | 'SAML_ISSUER_MISMATCH'
  | 'SAML_AUDIENCE_MISMATCH'
  | 'SAML_RECIPIENT_MISMATCH'
  | 'SAML_DESTINATION_MISMATCH'
  | 'SAML_SUBJECT_CONFIRMATION_INVALID'
  | 'SAML_EXPIRED'
  | 'SAML_NOT_YET_VALID'
  | 'SAML_REPLAY'
  | 'SAML_IN_RESPONSE_TO_MISMATCH'
  | 'SAML_IN_RESPONSE_TO_MISSING'
  | 'SAML_UNSOLICITED'
  | 'SAML_ENCRYPTION_ALGORITHM_FORBIDDEN'
  | 'SAML_DECRYPTION_FAILED'
  | 'SAML_NAMEID_INVALID'
  | 'SAML_GROUPS_OVERAGE'
  | 'SAML_SUBJECT_TRANSIENT'
  | 'SAML_SUBJECT_ATTRIBUTE_INVALID'
  | 'SAML_ATTRIBUTE_INVALID'
  | 'SAML_METADATA_INVALID'
  | 'SAML_METADATA_UNAVAILABLE'
  | 'SAML_METADATA_TOO_LARGE'
  | 'TOKEN_INVALID'
  | 'RATE_LIMITED'
  | 'DEVICE_CODE_UNKNOWN'
  | 'OAUTH_INVALID_REQUEST'
  | 'OAUTH_INVALID_CLIENT'
  | 'OAUTH_INVALID_GRANT'
  | 'OAUTH_UNSUPPORTED_GRANT_TYPE'
  | 'OAUTH_AUTHORIZATION_PENDING'
  | 'OAUTH_SLOW_DOWN'
  | 'OAUTH_ACCESS_DENIED'
  | 'OAUTH_EXPIRED_TOKEN'
  | 'GRANT_INVALID'
  | 'GRANT_ROLE_UNKNOWN'
  | 'GRANT_SELF_APPROVAL'
  | 'GRANT_ALREADY_DECIDED'
  | 'GRANT_STATE_CONFLICT'
  | 'ISSUANCE_LOCKED'
  | 'REVOCATION_UNAVAILABLE'
  | 'REVOCATION_FAILED'
  | 'CONNECTION_DISABLED'
  | 'CONFIG_STALE'
  | 'FAVOURITES_FULL'
  | 'INTERNAL';

const HTTP_STATUS: Record<GatewayErrorCode, number> = {
  CONFIG_INVALID: 500,
  BAD_REQUEST: 400,
  INPUT_CONTROL_CHARACTER: 400,
  UNAUTHENTICATED: 401,
  SESSION_REVOKED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  METHOD_NOT_ALLOWED: 405,
  NOT_FOUND: 404,
  POLICY_NO_ROLE: 403,
  OIDC_ISSUER_MISMATCH: 401,
  OIDC_DOMAIN_NOT_ALLOWED: 403,
  OIDC_GROUPS_OVERAGE: 403,
  OIDC_CLAIMS_INVALID: 401,
  OIDC_IDP_UNKNOWN: 404,
  OIDC_IDP_ERROR: 401,
  OIDC_IDP_UNAVAILABLE: 502,
  OIDC_STATE_INVALID: 400,
  OIDC_TOKEN_INVALID: 401,
  OIDC_TOKEN_NOT_YET_VALID: 401,
  OIDC_TOKEN_EXPIRED: 401,
  AWS_VALUE_INVALID: 400,
  STS_DENIED: 403,
  STS_TOKEN_INVALID: 502,
  STS_TOKEN_EXPIRED: 502,
  STS_DURATION_INVALID: 400,
  STS_IDP_UNREACHABLE: 502,
  STS_REGION_DISABLED: 403,
  STS_UNAVAILABLE: 502,
  CONSOLE_SIGNIN_FAILED: 502,
  SIGNING_KEY_UNAVAILABLE: 500,
  CRYPTO_DECRYPT_FAILED: 500,
  DB_UNAVAILABLE: 503,
  DB_CONFLICT: 409,
  DB_MIGRATION_FAILED: 500,
  SAML_MALFORMED: 400,
  SAML_TOO_LARGE: 413,
  SAML_DOCTYPE_FORBIDDEN: 400,
  SAML_SCHEMA_INVALID: 400,
  SAML_STATUS_NOT_SUCCESS: 401,
  SAML_SIGNATURE_MISSING: 401,
  SAML_SIGNATURE_INVALID: 401,
  SAML_ALGORITHM_FORBIDDEN: 401,
  SAML_TRANSFORM_FORBIDDEN: 401,
  SAML_CERT_NOT_TRUSTED: 401,
  SAML_WRAPPING_DETECTED: 401,
  SAML_ASSERTION_COUNT: 401,
  SAML_ISSUER_MISMATCH: 401,
  SAML_AUDIENCE_MISMATCH: 401,
  SAML_RECIPIENT_MISMATCH: 401,
  SAML_DESTINATION_MISMATCH: 401,
  SAML_SUBJECT_CONFIRMATION_INVALID: 401,
  SAML_EXPIRED: 401,
  SAML_NOT_YET_VALID: 401,
  SAML_REPLAY: 401,
  SAML_IN_RESPONSE_TO_MISMATCH: 401,
  SAML_IN_RESPONSE_TO_MISSING: 401,
  SAML_UNSOLICITED: 401,
  SAML_ENCRYPTION_ALGORITHM_FORBIDDEN: 401,
  SAML_DECRYPTION_FAILED: 401,
  SAML_NAMEID_INVALID: 401,
  SAML_GROUPS_OVERAGE: 403,
  SAML_SUBJECT_TRANSIENT: 401,
  SAML_SUBJECT_ATTRIBUTE_INVALID: 401,
  SAML_ATTRIBUTE_INVALID: 400,
  SAML_METADATA_INVALID: 500,
  SAML_METADATA_UNAVAILABLE: 502,
  SAML_METADATA_TOO_LARGE: 502,
  TOKEN_INVALID: 401,
  RATE_LIMITED: 429,
  DEVICE_CODE_UNKNOWN: 404,
  // RFC 6749 §5.2 / RFC 8628 §3.5: token endpoint errors are 400, except invalid_client (401).
  OAUTH_INVALID_REQUEST: 400,
  OAUTH_INVALID_CLIENT: 401,
  OAUTH_INVALID_GRANT: 400,
  OAUTH_UNSUPPORTED_GRANT_TYPE: 400,
  OAUTH_AUTHORIZATION_PENDING: 400,
  OAUTH_SLOW_DOWN: 400,
  OAUTH_ACCESS_DENIED: 400,
  OAUTH_EXPIRED_TOKEN: 400,
  GRANT_INVALID: 400,
  GRANT_ROLE_UNKNOWN: 400,
  GRANT_SELF_APPROVAL: 403,
  GRANT_ALREADY_DECIDED: 409,
  GRANT_STATE_CONFLICT: 409,
  ISSUANCE_LOCKED: 403,
  REVOCATION_UNAVAILABLE: 409,
  REVOCATION_FAILED: 502,
  CONNECTION_DISABLED: 403,
  CONFIG_STALE: 409,
  FAVOURITES_FULL: 409,
  INTERNAL: 500,
};

/** Public messages: safe to show any user. Internal detail goes into `cause` and the log only. */
const PUBLIC_MESSAGE: Record<GatewayErrorCode, string> = {
  CONFIG_INVALID: 'Rolegate is misconfigured. An administrator has to fix the configuration.',
  BAD_REQUEST: 'The request was not valid.',
  INPUT_CONTROL_CHARACTER: 'Text may not contain NUL or other control characters.',
  UNAUTHENTICATED: 'Please sign in.',
  SESSION_REVOKED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  CSRF_REJECTED: 'The request did not come from a Rolegate page.',
  METHOD_NOT_ALLOWED: 'This method is not allowed here.',
  NOT_FOUND: 'Not found.',
  POLICY_NO_ROLE: 'You are not allowed to assume this role.',
  OIDC_ISSUER_MISMATCH: 'The identity provider answered with an unexpected issuer.',
  OIDC_DOMAIN_NOT_ALLOWED: 'Your account’s domain is not allowed to sign in here.',
  OIDC_GROUPS_OVERAGE:
    'You belong to too many groups for your identity provider to list them in the sign-in token. ' +
    'Ask your administrator to assign the groups to the Rolegate application (group filtering) or use app roles.',
  OIDC_CLAIMS_INVALID: 'The identity provider’s answer was missing required information.',
  OIDC_IDP_UNKNOWN: 'This sign-in link names an identity provider Rolegate does not know. Start again from the sign-in page.',
  OIDC_IDP_ERROR: 'Your identity provider did not sign you in (it refused or the sign-in was cancelled). Please try again, or ask your administrator whether you are assigned to Rolegate.',
  OIDC_IDP_UNAVAILABLE: 'Rolegate could not reach your identity provider, so you were not signed in. Please try again later.',
  OIDC_STATE_INVALID:
    'This sign-in could not be matched to one started in this browser: it may have taken too long, been started in another window, or been repeated with the back button. Please sign in again.',
  OIDC_TOKEN_INVALID: 'Your identity provider’s answer could not be verified, so you were not signed in. Please try again; if it keeps happening, tell your administrator.',
  OIDC_TOKEN_NOT_YET_VALID: 'Your identity provider’s answer is dated in the future, so you were not signed in. Its clock or Rolegate’s is wrong: tell your administrator.',
  OIDC_TOKEN_EXPIRED: 'Your identity provider’s answer had expired when Rolegate checked it. Please sign in again; if it keeps happening, its clock or Rolegate’s is wrong: tell your administrator.',
  AWS_VALUE_INVALID: 'A value does not fit what AWS accepts.',
  STS_DENIED: 'AWS refused: the role’s trust policy does not allow this sign-in.',
  STS_TOKEN_INVALID: 'AWS rejected Rolegate’s identity token. An administrator should check the IAM OIDC provider.',
  STS_TOKEN_EXPIRED: 'The identity token expired before AWS checked it. Please try again.',
  STS_DURATION_INVALID: 'The requested session is longer than the role allows.',
  STS_IDP_UNREACHABLE: 'AWS could not reach Rolegate’s published keys.',
  STS_REGION_DISABLED: 'STS is not activated in this role’s region.',
  STS_UNAVAILABLE: 'AWS STS did not answer. Please try again.',
  CONSOLE_SIGNIN_FAILED: 'The AWS console sign-in could not be prepared.',
  SIGNING_KEY_UNAVAILABLE: 'Rolegate has no signing key.',
  CRYPTO_DECRYPT_FAILED: 'A stored secret could not be decrypted.',
  DB_UNAVAILABLE: 'The database is not reachable.',
  DB_CONFLICT: 'The change conflicts with data that already exists.',
  DB_MIGRATION_FAILED: 'The database schema could not be brought up to date.',
  SAML_MALFORMED: 'The SAML message is not well-formed.',
  SAML_TOO_LARGE: 'The SAML message is too large.',
  SAML_DOCTYPE_FORBIDDEN: 'The SAML message contains a DOCTYPE, which is not allowed.',
  SAML_SCHEMA_INVALID: 'The SAML message does not follow the SAML schema.',
  SAML_STATUS_NOT_SUCCESS: 'Your identity provider reported that sign-in did not succeed.',
  SAML_SIGNATURE_MISSING: 'The SAML response is not signed.',
  SAML_SIGNATURE_INVALID: 'The SAML response signature is not valid.',
  SAML_ALGORITHM_FORBIDDEN: 'The SAML response uses a signature or digest algorithm that is not allowed.',
  SAML_TRANSFORM_FORBIDDEN: 'The SAML response signature uses a transform that is not allowed.',
  SAML_CERT_NOT_TRUSTED: 'The SAML response was signed with a certificate that is not in the identity provider’s metadata.',
  SAML_WRAPPING_DETECTED: 'The SAML response has a structure that suggests a signature-wrapping attack.',
  SAML_ASSERTION_COUNT: 'The SAML response must contain exactly one assertion.',
  SAML_ISSUER_MISMATCH: 'The SAML response comes from an unexpected issuer.',
  SAML_AUDIENCE_MISMATCH: 'The SAML response is meant for another service (audience).',
  SAML_RECIPIENT_MISMATCH: 'The SAML response is meant for another endpoint (recipient).',
  SAML_DESTINATION_MISMATCH: 'The SAML response is addressed to another endpoint (destination).',
  SAML_SUBJECT_CONFIRMATION_INVALID: 'The SAML response has no valid bearer subject confirmation.',
  SAML_EXPIRED: 'The SAML response has expired. Please sign in again.',
  SAML_NOT_YET_VALID: 'The SAML response is not valid yet. Check the identity provider’s clock.',
  SAML_REPLAY: 'This SAML response was already used. Please sign in again.',
  SAML_IN_RESPONSE_TO_MISMATCH: 'The SAML response does not answer a sign-in request from Rolegate.',
  SAML_IN_RESPONSE_TO_MISSING: 'The SAML response does not say which sign-in request it answers.',
  SAML_UNSOLICITED: 'Sign-in started at the identity provider is not enabled for this connection.',
  SAML_ENCRYPTION_ALGORITHM_FORBIDDEN: 'The SAML assertion is encrypted with an algorithm that is not allowed.',
  SAML_DECRYPTION_FAILED: 'The SAML assertion could not be decrypted.',
  SAML_NAMEID_INVALID: 'The SAML response has an invalid subject (NameID).',
  SAML_GROUPS_OVERAGE:
    'You belong to too many groups for your identity provider to list them in the SAML sign-in (it sent a link to the list instead). ' +
    'Ask your administrator to send only the groups assigned to the Rolegate application (group filtering) or to use app roles.',
  SAML_SUBJECT_TRANSIENT:
    'Your identity provider sent a one-time identifier for you, so Rolegate could not tell who you are from one sign-in to the next. ' +
    'You were not signed in. An administrator has to name a stable attribute for this connection (its SAML diagnostics page says which ones arrived).',
  SAML_SUBJECT_ATTRIBUTE_INVALID:
    'Your identity provider did not send exactly one value of the attribute Rolegate uses to recognise you, so you were not signed in. ' +
    'Ask your administrator to check which attributes the identity provider releases to Rolegate.',
  SAML_ATTRIBUTE_INVALID: 'A value cannot be put into a SAML assertion safely.',
  SAML_METADATA_INVALID: 'The identity provider’s SAML metadata is not valid.',
  SAML_METADATA_UNAVAILABLE: 'The identity provider’s SAML metadata could not be fetched. Please try again later.',
  SAML_METADATA_TOO_LARGE: 'The identity provider’s SAML metadata is larger than Rolegate accepts.',
  TOKEN_INVALID: 'The access token is invalid, expired or revoked. Refresh it or run `rolegate login`.',
  RATE_LIMITED: 'Too many requests. Please wait a moment and try again.',
  DEVICE_CODE_UNKNOWN: 'This code is unknown, has expired or was already used. Start again from your terminal.',
  OAUTH_INVALID_REQUEST: 'The request is missing a parameter or has an invalid or repeated one.',
  OAUTH_INVALID_CLIENT: 'Unknown client.',
  OAUTH_INVALID_GRANT: 'The code or token is invalid, expired, revoked or already used.',
  OAUTH_UNSUPPORTED_GRANT_TYPE: 'This grant type is not supported here.',
  OAUTH_AUTHORIZATION_PENDING: 'The sign-in has not been approved yet.',
  OAUTH_SLOW_DOWN: 'Polling too fast: wait longer between requests.',
  OAUTH_ACCESS_DENIED: 'The sign-in was denied.',
  OAUTH_EXPIRED_TOKEN: 'The device code has expired. Start again.',
  GRANT_INVALID: 'The grant is not valid.',
  GRANT_ROLE_UNKNOWN: 'The grant names a role that is not configured.',
  GRANT_SELF_APPROVAL: 'You cannot decide on a grant you requested or that gives you a role.',
  GRANT_ALREADY_DECIDED: 'You have already decided on this grant.',
  GRANT_STATE_CONFLICT: 'The grant is no longer in a state that allows this.',
  REVOCATION_UNAVAILABLE: 'Rolegate has no IAM keys for this account (ROLEGATE_IAM_KEYS), so it cannot revoke its sessions.',
  REVOCATION_FAILED: 'AWS IAM refused or failed the revocation; nothing may have been revoked. See the server log.',
  ISSUANCE_LOCKED: 'Rolegate is locked down by an administrator: no AWS credentials or console links are issued until the lock-down ends.',
  CONNECTION_DISABLED: 'This sign-in option has been disabled by an administrator.',
  CONFIG_STALE: 'The configuration changed since you loaded it. Reload the page, check the change again and retry.',
  FAVOURITES_FULL: 'You have starred as many roles as Rolegate keeps; unstar one first.',
  INTERNAL: 'Something went wrong.',
};

/** Codes that may be shown to the user verbatim (in `?error=` and JSON). Everything else becomes INTERNAL. */
export const CLIENT_SAFE_CODES: ReadonlySet<GatewayErrorCode> = new Set<GatewayErrorCode>([
  'BAD_REQUEST',
  'INPUT_CONTROL_CHARACTER',
  'UNAUTHENTICATED',
  'SESSION_REVOKED',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'METHOD_NOT_ALLOWED',
  'NOT_FOUND',
  'POLICY_NO_ROLE',
  'OIDC_ISSUER_MISMATCH',
  'OIDC_DOMAIN_NOT_ALLOWED',
  'OIDC_GROUPS_OVERAGE',
  'OIDC_CLAIMS_INVALID',
  'OIDC_IDP_UNKNOWN',
  'OIDC_IDP_ERROR',
  'OIDC_IDP_UNAVAILABLE',
  'OIDC_STATE_INVALID',
  'OIDC_TOKEN_INVALID',
  'OIDC_TOKEN_NOT_YET_VALID',
  'OIDC_TOKEN_EXPIRED',
  'AWS_VALUE_INVALID',
  'STS_DENIED',
  'STS_TOKEN_INVALID',
  'STS_TOKEN_EXPIRED',
  'STS_DURATION_INVALID',
  'STS_IDP_UNREACHABLE',
  'STS_REGION_DISABLED',
  'STS_UNAVAILABLE',
  'CONSOLE_SIGNIN_FAILED',
  'DB_UNAVAILABLE',
  'SAML_MALFORMED',
  'SAML_TOO_LARGE',
  'SAML_DOCTYPE_FORBIDDEN',
  'SAML_SCHEMA_INVALID',
  'SAML_STATUS_NOT_SUCCESS',
  'SAML_SIGNATURE_MISSING',
  'SAML_SIGNATURE_INVALID',
  'SAML_ALGORITHM_FORBIDDEN',
  'SAML_TRANSFORM_FORBIDDEN',
  'SAML_CERT_NOT_TRUSTED',
  'SAML_WRAPPING_DETECTED',
  'SAML_ASSERTION_COUNT',
  'SAML_ISSUER_MISMATCH',
  'SAML_AUDIENCE_MISMATCH',
  'SAML_RECIPIENT_MISMATCH',
  'SAML_DESTINATION_MISMATCH',
  'SAML_SUBJECT_CONFIRMATION_INVALID',
  'SAML_EXPIRED',
  'SAML_NOT_YET_VALID',
  'SAML_REPLAY',
  'SAML_IN_RESPONSE_TO_MISMATCH',
  'SAML_IN_RESPONSE_TO_MISSING',
  'SAML_UNSOLICITED',
  'SAML_ENCRYPTION_ALGORITHM_FORBIDDEN',
  'SAML_DECRYPTION_FAILED',
  'SAML_NAMEID_INVALID',
  'SAML_GROUPS_OVERAGE',
  'SAML_SUBJECT_TRANSIENT',
  'SAML_SUBJECT_ATTRIBUTE_INVALID',
  'SAML_ATTRIBUTE_INVALID',
  'SAML_METADATA_UNAVAILABLE',
  'SAML_METADATA_TOO_LARGE',
  'TOKEN_INVALID',
  'RATE_LIMITED',
  'DEVICE_CODE_UNKNOWN',
  'OAUTH_INVALID_REQUEST',
  'OAUTH_INVALID_CLIENT',
  'OAUTH_INVALID_GRANT',
  'OAUTH_UNSUPPORTED_GRANT_TYPE',
  'OAUTH_AUTHORIZATION_PENDING',
  'OAUTH_SLOW_DOWN',
  'OAUTH_ACCESS_DENIED',
  'OAUTH_EXPIRED_TOKEN',
  'GRANT_INVALID',
  'GRANT_ROLE_UNKNOWN',
  'GRANT_SELF_APPROVAL',
  'GRANT_ALREADY_DECIDED',
  'GRANT_STATE_CONFLICT',
  'ISSUANCE_LOCKED',
  'REVOCATION_UNAVAILABLE',
  'REVOCATION_FAILED',
  'CONNECTION_DISABLED',
  'CONFIG_STALE',
  'FAVOURITES_FULL',
]);

export class GatewayError extends Error {
  readonly code: GatewayErrorCode;
  /** Extra detail that is safe to show (e.g. which field was invalid). Never secrets. */
  readonly publicDetail?: string;

  constructor(code: GatewayErrorCode, internalMessage?: string, opts?: { cause?: unknown; publicDetail?: string }) {
    super(internalMessage ?? PUBLIC_MESSAGE[code], { cause: opts?.cause });
    this.name = 'GatewayError';
    this.code = code;
    this.publicDetail = opts?.publicDetail;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isGatewayError(e: unknown): e is GatewayError {
  return e instanceof GatewayError;
}

/** What a user may see of any error: a client-safe code and its public message. */
export function publicView(e: unknown): { code: GatewayErrorCode; message: string; detail?: string; status: number } {
  if (isGatewayError(e) && CLIENT_SAFE_CODES.has(e.code)) {
    return { code: e.code, message: PUBLIC_MESSAGE[e.code], detail: e.publicDetail, status: e.status };
  }
  return { code: 'INTERNAL', message: PUBLIC_MESSAGE.INTERNAL, status: 500 };
}

export function publicMessage(code: GatewayErrorCode): string {
  return PUBLIC_MESSAGE[code];
}

export function isClientSafeCode(value: string): value is GatewayErrorCode {
  return CLIENT_SAFE_CODES.has(value as GatewayErrorCode);
}
