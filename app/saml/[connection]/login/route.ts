import { getContainer } from '@/lib/server/container';
import { NO_STORE, pageRoute } from '@/lib/server/http';
import { samlRequestCookie, startSamlLogin } from '@/lib/server/saml/sp-flow';

export const dynamic = 'force-dynamic';

/** SP-initiated sign-in: remember the AuthnRequest id, redirect to the IdP (HTTP-Redirect binding). */
export const GET = pageRoute(async (req) => {
  const connection = new URL(req.url).pathname.split('/')[2] ?? '';
  const { url, requestId } = await startSamlLogin(await getContainer(), connection);
  return new Response(null, { status: 302, headers: { ...NO_STORE, Location: url, 'Set-Cookie': samlRequestCookie(requestId) } });
});
