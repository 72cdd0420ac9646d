import { GatewayError } from '@/lib/core/errors';
import { clearSessionCookie } from '@/lib/server/auth/session-cookie';
import { getContainer } from '@/lib/server/container';
import { NO_STORE, pageRoute } from '@/lib/server/http';
import { takeIpToken } from '@/lib/server/per-ip-limit';
import { requestMeta } from '@/lib/server/request-meta';
import { receiveSamlLogout, SIGNED_OUT_PATH } from '@/lib/server/saml/slo-flow';
import type { LogoutRequestInput } from '@/lib/core/saml/sp/types';

export const dynamic = 'force-dynamic';

/** Longest form body accepted (HTTP-POST binding): as the ACS. */
const MAX_FORM_CHARS = 400_000;

/**
 * Our SingleLogoutService (issue 13 §5). An IdP's LogoutRequest is checked by our own pipeline and answered
 * with our signed LogoutResponse; the LogoutResponse answering our own request is not read (the session
 * ended before we sent it): the browser goes to the sign-in page.
 */
async function handle(req: Request, message: () => Promise<LogoutRequestInput | 'response'>): Promise<Response> {
  const c = await getContainer();
  const limited = await takeIpToken(c.limits.samlAcs, 'saml-slo', req.headers);
  if (limited) return limited;
  const connection = new URL(req.url).pathname.split('/')[2] ?? '';
  const input = await message();
  const location = input === 'response' ? SIGNED_OUT_PATH : await receiveSamlLogout(c, connection, input, requestMeta(req.headers));
  // The browser passing through is the one signing out: its cookie goes too.
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: location, 'Set-Cookie': clearSessionCookie(c.config.publicUrl) } });
}

/** HTTP-Redirect: the signature covers the query string exactly as received. */
export const GET = pageRoute((req) =>
  handle(req, async () => {
    const url = new URL(req.url);
    if (url.searchParams.has('SAMLResponse')) return 'response';
    if (!url.searchParams.has('SAMLRequest')) throw new GatewayError('SAML_MALFORMED', 'no SAMLRequest');
    return { binding: 'redirect', query: url.search.slice(1) };
  }),
);

/** HTTP-POST: an enveloped signature. */
export const POST = pageRoute((req) =>
  handle(req, async () => {
    const body = await req.text();
    if (body.length > MAX_FORM_CHARS) throw new GatewayError('SAML_TOO_LARGE', 'SLO form body too large');
    const form = new URLSearchParams(body);
    if (form.has('SAMLResponse')) return 'response';
    const samlRequest = form.get('SAMLRequest');
    if (!samlRequest) throw new GatewayError('SAML_MALFORMED', 'no SAMLRequest in the form');
    return { binding: 'post', samlRequest, relayState: form.get('RelayState') ?? undefined };
  }),
);
