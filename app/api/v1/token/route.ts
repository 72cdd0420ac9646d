import { getContainer } from '@/lib/server/container';
import { readOAuthParams, requireCliClient, requireGrantType, requireParam } from '@/lib/server/oauth/params';
import { refreshTokens } from '@/lib/server/oauth/refresh';
import { oauthJson, oauthRoute } from '@/lib/server/oauth/route';
import { requestMeta } from '@/lib/server/request-meta';

export const dynamic = 'force-dynamic';

/** RFC 6749 §6 refresh with rotation: a new pair; a reused refresh token revokes the whole login. */
export const POST = oauthRoute(async (req) => {
  const c = await getContainer();
  const params = await readOAuthParams(req);
  requireCliClient(params);
  requireGrantType(params, 'refresh_token');
  return oauthJson(await refreshTokens(c.oauth, requireParam(params, 'refresh_token'), requestMeta(req.headers)));
});
