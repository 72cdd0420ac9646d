import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from './lib/config/load';
import { strictTransportSecurity } from './lib/core/config/hsts';

/**
 * Deny by default: every path needs a session cookie unless it is on the public allowlist. This only
 * checks that a cookie is present; handlers and pages authorise for real (lib/server/session.ts), since a
 * proxy can be bypassed (CVE-2025-29927). Also sets a nonce-based CSP on every response, and HSTS on
 * every answer (refusals and redirects too) when publicUrl is https.
 */
const PUBLIC = [
  /^\/signin$/,
  /^\/error$/,
  /^\/api\/auth\//,
  /^\/api\/(health|ready)$/,
  // Authenticated by its handler (a bearer token; off without one): lib/server/metrics-endpoint.ts.
  /^\/metrics$/,
  /^\/\.well-known\//,
  /^\/favicon\.ico$/,
  // SAML: our SP endpoints (the IdP posts cross-site to the ACS) and our IdP metadata for IAM.
  /^\/saml\/[a-z0-9-]+\/(login|acs|metadata|slo)$/,
  /^\/aws\/saml\/metadata$/,
  // The JSON API and the CLI's OAuth endpoints: CLI requests carry a bearer token, not a cookie. Every
  // handler there authenticates itself (lib/server/api/principal.ts) or is an OAuth endpoint by design.
  /^\/api\/v1\//,
  /^\/openapi\.yaml$/,
];
/** Pages that send the user back after signing in (the device approval page keeps its ?user_code=). */
const RETURN_AFTER_SIGNIN = /^\/device$/;
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
/** Where the console form's redirect may go (CSP form-action also governs redirects after a POST). */
const AWS_SIGNIN = [
  'https://signin.aws.amazon.com https://*.signin.aws.amazon.com https://signin.amazonaws-us-gov.com https://signin.amazonaws.cn',
  'https://console.aws.amazon.com https://*.console.aws.amazon.com https://console.amazonaws-us-gov.com https://console.amazonaws.cn',
].join(' ');

function csp(nonce: string): string {
  const { federationUrl, consoleUrl, samlSigninUrl } = getConfig().aws;
  const extraFormAction = [federationUrl, consoleUrl, samlSigninUrl].flatMap((u) => (u ? [new URL(u).origin] : [])).join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${AWS_SIGNIN} ${extraFormAction}`.trim(),
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(req: NextRequest): NextResponse {
  const res = answer(req);
  const hsts = strictTransportSecurity(getConfig().publicUrl);
  if (hsts) res.headers.set('Strict-Transport-Security', hsts);
  return res;
}

function answer(req: NextRequest): NextResponse {
  const { pathname } = req.nextUrl;
  const hasSession = SESSION_COOKIES.some((n) => req.cookies.has(n));
  if (!hasSession && !PUBLIC.some((re) => re.test(pathname))) {
    if (pathname.startsWith('/api/')) {
      return NextResponse.json({ error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } }, { status: 401 });
    }
    const signin = new URL('/signin', req.url);
    if (RETURN_AFTER_SIGNIN.test(pathname)) signin.searchParams.set('callbackUrl', `${pathname}${req.nextUrl.search}`);
    return NextResponse.redirect(signin);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = csp(nonce);
  const headers = new Headers(req.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', policy);
  return res;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image).*)'],
};
