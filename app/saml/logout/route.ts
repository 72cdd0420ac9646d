import { NextResponse } from 'next/server';
import { getContainer } from '@/lib/server/container';
import { clearSessionCookie } from '@/lib/server/auth/session-cookie';
import { assertSameOrigin } from '@/lib/server/csrf';
import { NO_STORE, route } from '@/lib/server/http';
import { requestMeta } from '@/lib/server/request-meta';
import { currentSession } from '@/lib/server/session';
import { startSamlLogout } from '@/lib/server/saml/slo-flow';

export const dynamic = 'force-dynamic';

/**
 * Sign-out of a SAML session with single logout (issue 13 §5): ends the session and answers the IdP URL
 * carrying our signed LogoutRequest, `{ redirect }`, for the sign-out button to navigate to (a fetch, so the
 * CSP's form-action never has to list IdPs). `{ redirect: null }`: not such a session, sign out locally.
 */
export const POST = route(async (req) => {
  const c = await getContainer();
  assertSameOrigin(req.headers, c.config.publicUrl);
  const redirect = await startSamlLogout(c, await currentSession(), requestMeta(req.headers));
  const headers = new Headers(NO_STORE);
  if (redirect) headers.append('Set-Cookie', clearSessionCookie(c.config.publicUrl));
  return NextResponse.json({ redirect }, { headers });
});
