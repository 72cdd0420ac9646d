import { getContainer } from '@/lib/server/container';
import { assertSameOrigin } from '@/lib/server/csrf';
import { NO_STORE, pageRoute, readBody } from '@/lib/server/http';
import { parseRoleRequest } from '@/lib/server/portal';
import { requestMeta } from '@/lib/server/request-meta';
import { samlConsoleForm, samlConsoleHtml } from '@/lib/server/saml-console';
import { requireSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** POST (form) { roleId, service? } → a page that posts Rolegate's signed assertion to AWS's /saml. */
export const POST = pageRoute(async (req) => {
  const c = await getContainer();
  assertSameOrigin(req.headers, c.config.publicUrl);
  const session = await requireSession();
  const form = await samlConsoleForm(c, session, parseRoleRequest(await readBody(req)), requestMeta(req.headers));
  return new Response(samlConsoleHtml(form, req.headers.get('x-nonce')), {
    headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8', 'Referrer-Policy': 'no-referrer' },
  });
});
