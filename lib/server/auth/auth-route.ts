/**
 * Rolegate's side of `/api/auth/*` (issue 13 §4): next-auth runs the OIDC dance, this decides what a
 * refused sign-in looks like. Every refusal — an unknown or disabled IdP id, the IdP's `error=`, a state
 * that does not match this browser, a token openid-client rejects, a failed callback — ends on Rolegate's
 * error page with its own code, and is counted in the ledger per address, code, IdP and minute
 * (lib/db/repos/signin-failures.ts), so a flood of forged callbacks cannot append a row each.
 * Only next-auth's public surface is used: its response, and what its `logger` option was handed.
 */
import type { RolegateConfig } from '../../core/config/parse';
import type { GatewayErrorCode } from '../../core/errors';
import { metrics, timed } from '../metrics';
import { captureAuthErrors } from './next-auth-logger';
import { authPath, idpRefusal, nextAuthErrorOf, refusalCode } from './signin-failure';

export interface AuthRouteDeps {
  config: Pick<RolegateConfig, 'idps'>;
  /** Counts one refused sign-in; `idpId` is '' when the request named no configured IdP. */
  signinFailed: (code: GatewayErrorCode, idpId: string) => Promise<void>;
}

const errorPath = (code: GatewayErrorCode) => `/error?error=${encodeURIComponent(code)}`;

/** A POST from next-auth's client (`json=true`) is answered `{ url }`, everything else with a redirect. */
async function wantsJson(req: Request): Promise<boolean> {
  if (req.method !== 'POST') return false;
  const body = await req.text().catch(() => '');
  return new URLSearchParams(body).get('json') === 'true';
}

async function refuseUnknownIdp(req: Request, code: GatewayErrorCode): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' };
  if (await wantsJson(req)) return Response.json({ url: errorPath(code) }, { headers });
  return new Response(null, { status: 302, headers: { ...headers, Location: errorPath(code) } });
}

/**
 * The callback carries the IdP's `error=` (RFC 6749 §4.1.2.1) in its query, or in its form body when the
 * IdP answers with response_mode=form_post (OAuth 2.0 Form Post Response Mode §2). Read from a clone
 * before next-auth consumes the body.
 */
async function carriesIdpError(req: Request, url: URL): Promise<boolean> {
  if (url.searchParams.has('error')) return true;
  if (req.method !== 'POST' || !req.headers.get('Content-Type')?.startsWith('application/x-www-form-urlencoded')) return false;
  const body = await req.clone().text().catch(() => '');
  return new URLSearchParams(body).has('error');
}

/** Where next-auth's response sends the browser: its Location, or the `url` of its JSON answer. */
async function targetOf(res: Response): Promise<string | undefined> {
  const location = res.headers.get('Location');
  if (location !== null) return location;
  if (!res.headers.get('Content-Type')?.includes('application/json')) return undefined;
  const body: unknown = await res
    .clone()
    .json()
    .catch(() => undefined);
  const url =
    typeof body === 'object' && body !== null ? (body as { url?: unknown }).url : undefined;
  return typeof url === 'string' ? url : undefined;
}

/** next-auth's response with its target replaced by Rolegate's error page; its cookies are kept. */
function redirectedTo(res: Response, target: string): Response {
  const headers = new Headers(res.headers);
  if (headers.has('Location')) {
    headers.set('Location', target);
    return new Response(null, { status: res.status, headers });
  }
  headers.delete('Content-Length');
  return new Response(JSON.stringify({ url: target }), { status: res.status, headers });
}

/** Serves one `/api/auth/*` request; `runNextAuth` is next-auth's handler for it. */
export async function handleAuthRequest(
  d: AuthRouteDeps,
  req: Request,
  runNextAuth: () => Promise<Response>,
): Promise<Response> {
  const url = new URL(req.url);
  const { action, providerId } = authPath(url.pathname);
  const refused = idpRefusal(d.config, action, providerId);
  if (refused) {
    await d.signinFailed(refused, refused === 'CONNECTION_DISABLED' ? (providerId ?? '') : '');
    return refuseUnknownIdp(req, refused);
  }
  const idpError = action === 'callback' && (await carriesIdpError(req, url));
  // A callback is the IdP round trip (code exchange, JWKS, userinfo) plus our checks: its latency metric.
  const run = action === 'callback' ? () => timed(metrics().idpSeconds, { call: 'oidc-callback' }, runNextAuth) : runNextAuth;
  const { result, errors } = await captureAuthErrors(run);
  if (action !== 'signin' && action !== 'callback') return result;
  const target = await targetOf(result);
  const nextAuthError = target === undefined ? undefined : nextAuthErrorOf(target, url.origin);
  if (nextAuthError === undefined || target === undefined) return result;
  const code = refusalCode({
    nextAuthError,
    idpError,
    errors,
  });
  await d.signinFailed(code, providerId ?? '');
  return redirectedTo(result, new URL(errorPath(code), new URL(target, url.origin)).toString());
}
