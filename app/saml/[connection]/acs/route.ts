import { cookies } from 'next/headers';
import { GatewayError } from '@/lib/core/errors';
import { getContainer } from '@/lib/server/container';
import { NO_STORE, pageRoute } from '@/lib/server/http';
import { takeIpToken } from '@/lib/server/per-ip-limit';
import { requestMeta } from '@/lib/server/request-meta';
import { SAML_REQUEST_COOKIE, completeSamlLogin, samlRequestCookie } from '@/lib/server/saml/sp-flow';

export const dynamic = 'force-dynamic';

/** Longest form body accepted: a 256 KB response, base64-encoded and URL-encoded, plus RelayState. */
const MAX_FORM_CHARS = 400_000;

/**
 * Assertion Consumer Service (HTTP-POST binding). The IdP posts here cross-site, so there is no CSRF
 * token: the signed, audience-bound, InResponseTo-matched, single-use response is the proof.
 */
export const POST = pageRoute(async (req) => {
  const c = await getContainer();
  // Before the body is read or a signature checked: a flood costs a token lookup, not CPU or ledger rows.
  const limited = await takeIpToken(c.limits.samlAcs, 'saml-acs', req.headers);
  if (limited) return limited;
  const connection = new URL(req.url).pathname.split('/')[2] ?? '';
  const body = await req.text();
  if (body.length > MAX_FORM_CHARS) throw new GatewayError('SAML_TOO_LARGE', 'ACS form body too large');
  const samlResponse = new URLSearchParams(body).get('SAMLResponse');
  if (!samlResponse) throw new GatewayError('SAML_MALFORMED', 'no SAMLResponse in the form');
  const bound = (await cookies()).get(SAML_REQUEST_COOKIE)?.value || undefined;
  const cookie = await completeSamlLogin(c, connection, samlResponse, requestMeta(req.headers), bound);
  const headers = new Headers({ ...NO_STORE, Location: '/roles' });
  headers.append('Set-Cookie', cookie);
  headers.append('Set-Cookie', samlRequestCookie(undefined));
  return new Response(null, { status: 303, headers });
});
