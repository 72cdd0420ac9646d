import 'server-only';
/**
 * Route wrapper of the JSON API (/api/v1): authenticates the caller, hands the handler the container,
 * principal and request metadata, and maps failures to `{ error: { code, message } }`. Every answer is
 * no-store. A 401 carries `WWW-Authenticate: Bearer` (RFC 6750 §3), with `error="invalid_token"` when a
 * token was presented and refused.
 */
import { NextResponse } from 'next/server';
import { isGatewayError } from '../../core/errors';
import { getContainer, getContainerForIssuance, type Container } from '../container';
import { compressJson } from '../compress';
import { errorResponse, NO_STORE, type Handler } from '../http';
import { requestMeta, type RequestMeta } from '../request-meta';
import { authenticateApi, type ApiPrincipal } from './principal';

export interface ApiContext {
  c: Container;
  principal: ApiPrincipal;
  meta: RequestMeta;
}

export const apiJson = (body: object, status = 200): NextResponse => NextResponse.json(body, { status, headers: NO_STORE });

export function challenge(err: unknown): string {
  return isGatewayError(err) && err.code === 'TOKEN_INVALID' ? 'Bearer realm="rolegate", error="invalid_token"' : 'Bearer realm="rolegate"';
}

/**
 * Wraps a handler that needs an authenticated caller. `issuance`: the handler issues credentials, so the
 * config is re-read now (getContainerForIssuance), not within the half-second sync interval, and its
 * answer (credentials, a console login URL) is never compressed (lib/server/compress.ts); other answers
 * are gzipped for clients that accept it.
 */
export function apiRoute(handler: (req: Request, ctx: ApiContext) => Promise<Response>, opts: { issuance?: boolean } = {}): Handler {
  return async (req) => {
    try {
      const c = await (opts.issuance ? getContainerForIssuance() : getContainer());
      const principal = await authenticateApi(req);
      const res = await handler(req, { c, principal, meta: requestMeta(req.headers) });
      return opts.issuance ? res : await compressJson(req, res);
    } catch (err) {
      const res = errorResponse(err, req);
      if (res.status === 401) res.headers.set('WWW-Authenticate', challenge(err));
      return res;
    }
  };
}
