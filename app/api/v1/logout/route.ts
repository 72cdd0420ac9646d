import { getContainer } from '@/lib/server/container';
import { NO_STORE, route } from '@/lib/server/http';
import { readLogoutToken } from '@/lib/server/oauth/params';
import { logoutCli } from '@/lib/server/oauth/refresh';
import { requestMeta } from '@/lib/server/request-meta';

export const dynamic = 'force-dynamic';

/** Ends the CLI login of the bearer access token (or of the form's refresh_token). 204 even for unknown tokens. */
export const POST = route(async (req) => {
  const c = await getContainer();
  await logoutCli(c.oauth, await readLogoutToken(req), requestMeta(req.headers));
  return new Response(null, { status: 204, headers: NO_STORE });
});
