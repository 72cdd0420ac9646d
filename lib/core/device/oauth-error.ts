/**
 * Errors of Rolegate's OAuth endpoints (device authorization, device token, refresh) in the shape the RFCs
 * define: `{ "error": "<code>", "error_description": "…" }` (RFC 6749 §5.2, RFC 8628 §3.5), not the
 * `{ "error": { "code" } }` body of the JSON API. Thrown as GatewayErrors with stable codes like every
 * other failure; `oauthErrorView` is the one place that turns a failure into the RFC body.
 */
import { GatewayError, publicMessage, publicView, type GatewayErrorCode } from '../errors';

/** The RFC `error` value per Rolegate code. */
const OAUTH_ERROR = {
  OAUTH_INVALID_REQUEST: 'invalid_request',
  OAUTH_INVALID_CLIENT: 'invalid_client',
  OAUTH_INVALID_GRANT: 'invalid_grant',
  OAUTH_UNSUPPORTED_GRANT_TYPE: 'unsupported_grant_type',
  OAUTH_AUTHORIZATION_PENDING: 'authorization_pending',
  OAUTH_SLOW_DOWN: 'slow_down',
  OAUTH_ACCESS_DENIED: 'access_denied',
  OAUTH_EXPIRED_TOKEN: 'expired_token',
  // Not OAuth codes, but failures these endpoints can meet (bad body; the device-code rate limit).
  BAD_REQUEST: 'invalid_request',
  RATE_LIMITED: 'slow_down',
} as const satisfies Partial<Record<GatewayErrorCode, string>>;

export type OAuthErrorCode = Extract<GatewayErrorCode, `OAUTH_${string}`>;

export class OAuthError extends GatewayError {
  /** For slow_down: the interval (seconds) the client must now wait between polls. */
  readonly interval?: number;

  constructor(code: OAuthErrorCode, internalMessage?: string, opts?: { interval?: number; cause?: unknown }) {
    super(code, internalMessage, { cause: opts?.cause });
    this.name = 'OAuthError';
    this.interval = opts?.interval;
  }
}

export interface OAuthErrorBody {
  error: string;
  error_description: string;
  /** slow_down only: the new polling interval in seconds (an extension; RFC 8628 says +5 s). */
  interval?: number;
}

function isMapped(code: string): code is keyof typeof OAUTH_ERROR {
  return Object.hasOwn(OAUTH_ERROR, code);
}

/** Status and RFC body for any failure; anything unexpected is `server_error` and says nothing more. */
export function oauthErrorView(err: unknown): { status: number; body: OAuthErrorBody } {
  const view = publicView(err);
  if (isMapped(view.code)) {
    const interval = err instanceof OAuthError ? err.interval : undefined;
    const description = view.detail ? `${view.message} (${view.detail})` : view.message;
    return { status: view.status, body: { error: OAUTH_ERROR[view.code], error_description: description, ...(interval ? { interval } : {}) } };
  }
  if (view.code === 'DB_UNAVAILABLE') return { status: 503, body: { error: 'temporarily_unavailable', error_description: view.message } };
  return { status: 500, body: { error: 'server_error', error_description: publicMessage('INTERNAL') } };
}
