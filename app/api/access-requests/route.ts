import { NextResponse } from 'next/server';
import { grantJson } from '@/lib/server/admin/grants';
import { requestAccess } from '@/lib/server/access-requests';
import { getContainer } from '@/lib/server/container';
import { assertSameOrigin } from '@/lib/server/csrf';
import { NO_STORE, readBody, route } from '@/lib/server/http';
import { requestMeta } from '@/lib/server/request-meta';
import { requireSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** POST { roleId, reason, hours } → a pending access request (a grant to the caller that admins decide on). */
export const POST = route(async (req) => {
  const c = await getContainer();
  assertSameOrigin(req.headers, c.config.publicUrl);
  const session = await requireSession();
  const grant = await requestAccess(c, session, requestMeta(req.headers), await readBody(req));
  return NextResponse.json({ grant: grantJson(grant) }, { status: 201, headers: NO_STORE });
});
