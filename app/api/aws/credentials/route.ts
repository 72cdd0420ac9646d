import { NextResponse } from 'next/server';
import { getContainerForIssuance } from '@/lib/server/container';
import { assertSameOrigin } from '@/lib/server/csrf';
import { NO_STORE, readBody, route } from '@/lib/server/http';
import { mintKeys, parseRoleRequest } from '@/lib/server/portal';
import { requestMeta } from '@/lib/server/request-meta';
import { requireSessionPrincipal } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** POST { roleId } → temporary credentials for a role the caller holds. Never cached, never logged. */
export const POST = route(async (req) => {
  const c = await getContainerForIssuance();
  assertSameOrigin(req.headers, c.config.publicUrl);
  const principal = await requireSessionPrincipal(c);
  const { roleId } = parseRoleRequest(await readBody(req));
  const issued = await mintKeys(c, { ...principal, channel: 'web' }, roleId, requestMeta(req.headers));
  const { role } = issued.granted;
  return NextResponse.json(
    { credentials: issued.credentials, role: { id: role.id, arn: role.arn, region: role.region, accountAlias: role.accountAlias, roleName: role.roleName } },
    { headers: NO_STORE },
  );
});
