/**
 * Test helpers for the demo IdP: a tiny path-aware cookie jar, manual-redirect navigation, and an
 * authorization-code + PKCE flow driven with plain `fetch`, like a browser plus an RP back end would.
 */
import { createHash, randomBytes } from 'node:crypto';

export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(res: Response): void {
    for (const header of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = header.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) || '/';
      const expired = attrs.some((a) => /^expires=.*1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(`${name};${path}`);
      else this.cookies.set(`${name};${path}`, { name, value, path });
    }
  }

  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

export interface Navigation {
  res: Response;
  /** URL of the last request made. */
  url: string;
  /** Set when navigation stopped at a redirect leaving the IdP (e.g. to the client's redirect_uri). */
  leftTo?: URL;
}

/** Fetches `url`, following redirects inside `idpOrigin` like a browser, sending and storing cookies. */
export async function navigate(jar: CookieJar, idpOrigin: string, url: string, init: RequestInit = {}): Promise<Navigation> {
  let current = url;
  let request = init;
  for (let hops = 0; hops < 20; hops++) {
    const headers = new Headers(request.headers);
    const cookie = jar.header(current);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(current, { ...request, headers, redirect: 'manual' });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return { res, url: current };
    const next = new URL(location, current);
    if (next.origin !== idpOrigin) return { res, url: current, leftTo: next };
    current = next.href;
    request = {};
  }
  throw new Error('too many redirects');
}

export function formAction(html: string): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form in page');
  return match[1].replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

/** Hidden inputs of the first form (for pages that submit themselves with a script, like a browser would). */
export function hiddenInputs(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) {
    if (m[1] !== undefined && m[2] !== undefined) fields[m[1]] = m[2];
  }
  return fields;
}

export function postForm(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthRequest {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope?: string;
  prompt?: string;
  /** `null` leaves code_challenge out. */
  challenge?: string | null;
  state?: string;
  nonce?: string;
}

export function authorizeUrl(authorizationEndpoint: string, req: AuthRequest): string {
  const url = new URL(authorizationEndpoint);
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: req.clientId,
    redirect_uri: req.redirectUri,
    scope: req.scope ?? 'openid email profile groups',
    state: req.state,
    nonce: req.nonce,
    prompt: req.prompt,
    code_challenge: req.challenge ?? undefined,
    code_challenge_method: req.challenge ? 'S256' : undefined,
  };
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}

export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
  code_challenge_methods_supported: string[];
  claims_supported: string[];
}

export async function discover(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`discovery failed: ${res.status}`);
  return (await res.json()) as Discovery;
}

export async function exchangeCode(
  d: Discovery, client: { clientId: string; clientSecret: string }, code: string, redirectUri: string, verifier: string,
): Promise<Response> {
  const basic = Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64');
  return fetch(d.token_endpoint, {
    ...postForm({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
  });
}

/** Submits a self-submitting page's form (oidc-provider's form_post pages, the demo IdP's logout page). */
export async function autoSubmit(jar: CookieJar, idpOrigin: string, nav: Navigation): Promise<Navigation> {
  const html = await nav.res.text();
  const action = new URL(formAction(html), nav.url).href;
  return navigate(jar, idpOrigin, action, postForm(hiddenInputs(html)));
}
