import { getContainer } from '@/lib/server/container';
import { NO_STORE, pageRoute } from '@/lib/server/http';
import { takeIpToken } from '@/lib/server/per-ip-limit';
import { samlRequestCookie, startSamlLogin } from '@/lib/server/saml/sp-flow';

export const dynamic = 'force-dynamic';

/** SP-initiated sign-in: remember the AuthnRequest id, redirect to the IdP (HTTP-Redirect binding); 429 past the per-IP limit. */
export const GET = pageRoute(async (req) => {
  const c = await getContainer();
  // Each start stores a pending request: anyone can call this, so it is limited per client IP.
  const limited = await takeIpToken(c.limits.samlLogin, 'saml-login', req.headers);
  if (limited) return limited;
  const connection = new URL(req.url).pathname.split('/')[2] ?? '';
  const { url, requestId } = await startSamlLogin(c, connection);
  return new Response(null, { status: 302, headers: { ...NO_STORE, Location: url, 'Set-Cookie': samlRequestCookie(requestId) } });
});
