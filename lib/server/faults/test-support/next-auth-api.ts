/**
 * Runs real next-auth (4.24) on a fetch `Request` in a test, through its public Pages-Router signature
 * `NextAuth(req, res, options)`. The App Router form that app/api/auth/[...nextauth]/route.ts calls needs
 * Next's request scope (`next/headers`) and cannot run outside Next; both forms hand the same request
 * fields to next-auth's one core handler, so everything after the transport — the OIDC dance through
 * openid-client and Rolegate's callbacks — is what production runs.
 */
import NextAuth, { type NextAuthOptions } from 'next-auth';

interface ApiResponse {
  status: number;
  headers: Headers;
  body?: string;
}

function cookiesOf(req: Request): Record<string, string> {
  const pairs = (req.headers.get('cookie') ?? '').split(';').map((c) => c.trim()).filter(Boolean);
  return Object.fromEntries(pairs.map((c) => [c.slice(0, c.indexOf('=')), decodeURIComponent(c.slice(c.indexOf('=') + 1))]));
}

/** The `res` of a Pages-Router API route, as far as next-auth uses it. */
function apiResponse(out: ApiResponse) {
  const res = {
    status(code: number) {
      out.status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      out.headers.delete(name);
      for (const v of Array.isArray(value) ? value : [value]) out.headers.append(name, v);
      return res;
    },
    getHeader(name: string) {
      return name.toLowerCase() === 'set-cookie' ? out.headers.getSetCookie() : (out.headers.get(name) ?? undefined);
    },
    json(value: unknown) {
      out.headers.set('Content-Type', 'application/json');
      out.body = JSON.stringify(value);
    },
    send(body: unknown) {
      out.body = typeof body === 'string' ? body : JSON.stringify(body);
    },
    end() {},
  };
  return res;
}

/** next-auth's answer to `req` (a request to `/api/auth/...`). */
export async function runNextAuth(req: Request, options: NextAuthOptions): Promise<Response> {
  const url = new URL(req.url);
  const body = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(await req.clone().text())) : undefined;
  const apiReq = {
    method: req.method,
    headers: Object.fromEntries(req.headers),
    cookies: cookiesOf(req),
    body,
    query: { ...Object.fromEntries(url.searchParams), nextauth: url.pathname.split('/').slice(3) },
  };
  const out: ApiResponse = { status: 200, headers: new Headers() };
  // The Pages-Router overload: next-auth's types only describe Next's request and response classes.
  await (NextAuth as unknown as (rq: unknown, rs: unknown, o: NextAuthOptions) => Promise<unknown>)(apiReq, apiResponse(out), options);
  return new Response(out.body ?? null, { status: out.status, headers: out.headers });
}
