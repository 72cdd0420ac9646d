import { getContainerForIssuance } from '@/lib/server/container';
import { assertSameOrigin } from '@/lib/server/csrf';
import { NO_STORE, pageRoute, readBody } from '@/lib/server/http';
import { parseRoleRequest } from '@/lib/server/portal';
import { requestMeta } from '@/lib/server/request-meta';
import { samlConsole, samlConsoleHtml } from '@/lib/server/saml-console';
import { requireSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/**
 * POST (form) { roleId, service? } → a page that posts Rolegate's signed assertion to AWS's /saml; for a
 * policy-scoped or grant-held role, 303 to the federation login URL instead (no assertion in the page).
 */
export const POST = pageRoute(async (req) => {
  const c = await getContainerForIssuance();
  assertSameOrigin(req.headers, c.config.publicUrl);
  const session = await requireSession();
  const answer = await samlConsole(c, session, parseRoleRequest(await readBody(req)), requestMeta(req.headers));
  if (answer.kind === 'redirect') {
    return new Response(null, { status: 303, headers: { ...NO_STORE, Location: answer.url, 'Referrer-Policy': 'no-referrer' } });
  }
  return new Response(samlConsoleHtml(answer.form, req.headers.get('x-nonce')), {
    headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8', 'Referrer-Policy': 'no-referrer' },
  });
});
