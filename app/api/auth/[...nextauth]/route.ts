import NextAuth from 'next-auth';
import type { GatewayErrorCode } from '@/lib/core/errors';
import { handleAuthRequest } from '@/lib/server/auth/auth-route';
import { buildAuthOptions } from '@/lib/server/auth/options';
import { getContainer } from '@/lib/server/container';
import { requestMeta } from '@/lib/server/request-meta';
import { countSigninFailures } from '@/lib/server/signin-failure-count';

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's handlers, with options built per request so callbacks can audit the caller's IP and UA;
 * refused sign-ins end on Rolegate's error page and are counted in the ledger (auth-route.ts).
 */
async function handler(req: Request, ctx: Ctx): Promise<Response> {
  const c = await getContainer();
  const meta = requestMeta(req.headers);
  // The SAML ACS's aggregation: one ledger row per address, code, IdP and minute, with the count.
  const signinFailed = (code: GatewayErrorCode, idpId: string) => countSigninFailures(c.repos, c.now, meta, idpId)(code);
  const runNextAuth = () => NextAuth(req as never, ctx as never, buildAuthOptions(c.authDeps, meta)) as Promise<Response>;
  return handleAuthRequest({ config: c.config, signinFailed }, req, runNextAuth);
}

export { handler as GET, handler as POST };
