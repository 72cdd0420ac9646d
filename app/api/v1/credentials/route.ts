import { resolveRoleRef } from '@/lib/core/policy/role-ref';
import { apiRole } from '@/lib/server/api/roles';
import { apiJson, apiRoute } from '@/lib/server/api/route';
import { readBody } from '@/lib/server/http';
import { mintKeys, parseRoleRequest } from '@/lib/server/portal';

export const dynamic = 'force-dynamic';

/**
 * POST { roleId } (id, ARN or alias/RoleName) → temporary credentials. The mapping is re-checked and the
 * issuance audited (channel cli for bearer callers) before anything is returned. Never cached.
 */
export const POST = apiRoute(async (req, { c, principal, meta }) => {
  const { roleId } = parseRoleRequest(await readBody(req));
  const issued = await mintKeys(c, { ...principal, channel: principal.via }, resolveRoleRef(c.config.roles, roleId), meta);
  return apiJson({ credentials: issued.credentials, role: apiRole(issued.granted.role) });
}, { issuance: true });
