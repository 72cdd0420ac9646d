/**
 * Why an OIDC sign-in was refused, as one of Rolegate's codes (issue 13 §4). next-auth answers every
 * refusal with a redirect to its error route carrying one of its own coarse names (`OAuthCallback`,
 * `Callback`, `OAuthSignin`) and logs the cause through the logger (next-auth-logger.ts); this module
 * turns the name, the callback's own query and the logged cause into the code the user and the ledger see.
 */
import type { RolegateConfig } from '../../core/config/parse';
import type { GatewayErrorCode } from '../../core/errors';
import type { AuthErrorEvent } from './next-auth-logger';

/** The `<action>` and `<id>` of `/api/auth/<action>/<id>`. */
export function authPath(pathname: string): { action?: string; providerId?: string } {
  const [action, providerId] = pathname.replace(/^\/api\/auth\/?/, '').split('/');
  return {
    action: action || undefined,
    providerId: providerId === undefined ? undefined : decoded(providerId),
  };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A sign-in start or callback that names no enabled IdP: unknown (`OIDC_IDP_UNKNOWN`) or disabled by an
 * administrator (`CONNECTION_DISABLED`). next-auth itself would answer the first with its own text page.
 */
export function idpRefusal(
  config: Pick<RolegateConfig, 'idps'>,
  action: string | undefined,
  providerId: string | undefined,
): GatewayErrorCode | undefined {
  if ((action !== 'signin' && action !== 'callback') || providerId === undefined) return undefined;
  const idp = config.idps.find((i) => i.id === providerId);
  if (!idp) return 'OIDC_IDP_UNKNOWN';
  return idp.disabled ? 'CONNECTION_DISABLED' : undefined;
}

const AUTH_ERROR_ROUTE = '/api/auth/error';
const AUTH_SIGNIN_ROUTE = '/api/auth/signin';

/**
 * next-auth's error name when `target` is a redirect to its error route (or to its sign-in page with an
 * `error`, where that route forwards most names); undefined for any other target.
 */
export function nextAuthErrorOf(target: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return undefined;
  }
  const error = url.searchParams.get('error');
  if (url.pathname === AUTH_ERROR_ROUTE) return error ?? 'Default';
  return url.pathname === AUTH_SIGNIN_ROUTE && error !== null ? error : undefined;
}

/**
 * A failed check of the browser-bound sign-in state: next-auth's "State cookie was missing." (also PKCE's
 * and the nonce's cookies), "… cookie was created for a different provider …", openid-client's "state
 * mismatch, expected …" and "state missing from the response".
 */
function isStateFailure(e: AuthErrorEvent): boolean {
  return e.name === 'OAuthCallbackError' && /cookie|\bstate\b/i.test(e.message ?? '');
}

/**
 * openid-client could not reach the IdP during the callback (discovery, token endpoint or JWKS): refused,
 * reset, DNS, its 3.5 s timeout, or a 5xx answer (issue 14 §5). Its wording, as next-auth logs it.
 */
function isUnreachable(e: AuthErrorEvent): boolean {
  return (
    e.name === 'OAuthCallbackError' &&
    /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b|^socket hang up$|^outgoing request timed out after \d+ms$|^expected 200 OK, got: 5\d\d\b/.test(e.message ?? '')
  );
}

/** openid-client's refusal of an ID token's time window (`nbf`, `exp`, 10 s tolerance): a clock is off. */
function timeWindowCode(errors: readonly AuthErrorEvent[]): GatewayErrorCode | undefined {
  const message = errors.find((e) => e.name === 'OAuthCallbackError')?.message ?? '';
  if (/^JWT not active yet\b/.test(message)) return 'OIDC_TOKEN_NOT_YET_VALID';
  if (/^JWT expired\b/.test(message)) return 'OIDC_TOKEN_EXPIRED';
  return undefined;
}

/** Why openid-client (or next-auth's check cookies) refused the callback. */
function callbackCode(errors: readonly AuthErrorEvent[]): GatewayErrorCode {
  if (errors.some(isStateFailure)) return 'OIDC_STATE_INVALID';
  if (errors.some(isUnreachable)) return 'OIDC_IDP_UNAVAILABLE';
  return timeWindowCode(errors) ?? 'OIDC_TOKEN_INVALID';
}

export interface RefusalInput {
  /** next-auth's error name (nextAuthErrorOf). */
  nextAuthError: string;
  /** The callback carried the IdP's `error=` (RFC 6749 §4.1.2.1): the IdP refused, not Rolegate. */
  idpError: boolean;
  /** What next-auth logged while serving the request. */
  errors: readonly AuthErrorEvent[];
}

/** Rolegate's code for one refused sign-in. */
export function refusalCode({ nextAuthError, idpError, errors }: RefusalInput): GatewayErrorCode {
  if (idpError) return 'OIDC_IDP_ERROR';
  switch (nextAuthError) {
    case 'OAuthSignin':
      // The authorization URL could not be built: the IdP's discovery document did not load.
      return 'OIDC_IDP_UNAVAILABLE';
    case 'OAuthCallback':
      // openid-client (or next-auth's check cookies) refused the answer: state, the IdP out of reach, or
      // the token itself.
      return callbackCode(errors);
    case 'Callback':
      // One of Rolegate's callbacks threw after the token was verified.
      return errors.find((e) => e.gatewayCode !== undefined)?.gatewayCode ?? 'INTERNAL';
    case 'AccessDenied':
      return 'FORBIDDEN';
    default:
      return 'INTERNAL';
  }
}
