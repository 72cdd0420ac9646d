import 'server-only';
/**
 * Route wrapper of the OAuth endpoints: failures become RFC 6749/8628 error bodies (see oauthErrorView),
 * every answer is no-store (RFC 6749 §5.1), and only unexpected failures are logged as errors — pending
 * and slow_down are the protocol working.
 */
import { NextResponse } from 'next/server';
import { oauthErrorView } from '../../core/device/oauth-error';
import { GatewayError } from '../../core/errors';
import { NO_STORE, type Handler } from '../http';
import { getLogger } from '../logger';
import { RateLimitedError } from '../rate-limit';

export function oauthJson(body: object, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function oauthRoute(handler: Handler): Handler {
  return async (req) => {
    try {
      return await handler(req);
    } catch (err) {
      const { status, body } = oauthErrorView(err);
      if (status >= 500) {
        getLogger().error({ code: err instanceof GatewayError ? err.code : 'INTERNAL', path: new URL(req.url).pathname, err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'oauth request failed');
      }
      const retryAfter: Record<string, string> = err instanceof RateLimitedError ? { 'Retry-After': String(err.retryAfterSeconds) } : {};
      return oauthJson(body, status, retryAfter);
    }
  };
}
