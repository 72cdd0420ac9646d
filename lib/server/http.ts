import 'server-only';
import { NextResponse } from 'next/server';
import { GatewayError, publicView } from '../core/errors';
import { getLogger } from './logger';

export type Handler = (req: Request) => Promise<Response>;

/** Headers for anything that carries credentials or a login URL (AWS-FACTS §4). */
export const NO_STORE = { 'Cache-Control': 'no-store, max-age=0', Pragma: 'no-cache' } as const;

/** Logs the cause, answers the client-safe code (STYLE rule 4). */
export function errorResponse(err: unknown, req: Request): NextResponse {
  const view = publicView(err);
  logFailure(err, req, view.status);
  return NextResponse.json(
    { error: { code: view.code, message: view.message, ...(view.detail ? { detail: view.detail } : {}) } },
    { status: view.status, headers: NO_STORE },
  );
}

function logFailure(err: unknown, req: Request, status: number): void {
  getLogger()[status >= 500 ? 'error' : 'warn'](
    { code: err instanceof GatewayError ? err.code : 'INTERNAL', path: new URL(req.url).pathname, err: err instanceof Error ? { name: err.name, message: err.message } : String(err) },
    'request failed',
  );
}

/** Wraps a route handler: GatewayError → status + JSON, anything else → 500 INTERNAL, never a stack. */
export function route(handler: Handler): Handler {
  return async (req) => {
    try {
      return await handler(req);
    } catch (err) {
      return errorResponse(err, req);
    }
  };
}

/** For browser navigations (form posts): failures go to the error page with the client-safe code. */
export function pageRoute(handler: Handler): Handler {
  return async (req) => {
    try {
      return await handler(req);
    } catch (err) {
      const view = publicView(err);
      logFailure(err, req, view.status);
      return new Response(null, { status: 303, headers: { ...NO_STORE, Location: `/error?error=${view.code}` } });
    }
  };
}

/** Reads a JSON or form body, at most `limit` bytes; bad bodies are BAD_REQUEST. */
export async function readBody(req: Request, limit = 16_384): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (text.length > limit) throw new GatewayError('BAD_REQUEST', 'body too large');
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      /* fall through */
    }
    throw new GatewayError('BAD_REQUEST', 'body is not a JSON object');
  }
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  throw new GatewayError('BAD_REQUEST', `unsupported content type ${type}`);
}
