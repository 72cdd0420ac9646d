import { getContainerForIssuance } from '@/lib/server/container';
import { assertSameOrigin } from '@/lib/server/csrf';
import { NO_STORE, pageRoute, readBody } from '@/lib/server/http';
import { consoleLoginUrl, parseRoleRequest } from '@/lib/server/portal';
import { requestMeta } from '@/lib/server/request-meta';
import { requireSessionPrincipal } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/**
 * POST (form) { roleId, service? } → 303 to the AWS federation login URL. The URL is a 15-minute bearer
 * secret: it is only ever sent as this redirect (no-store, no referrer), never shown or logged.
 */
export const POST = pageRoute(async (req) => {
  const c = await getContainerForIssuance();
  assertSameOrigin(req.headers, c.config.publicUrl);
  const principal = await requireSessionPrincipal(c);
  const input = parseRoleRequest(await readBody(req));
  const url = await consoleLoginUrl(c, { ...principal, channel: 'web' }, input, requestMeta(req.headers));
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: url, 'Referrer-Policy': 'no-referrer' } });
});
