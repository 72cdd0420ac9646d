import { GatewayError } from '@/lib/core/errors';
import { resolveRoleRef } from '@/lib/core/policy/role-ref';
import { apiJson, apiRoute } from '@/lib/server/api/route';
import { readBody } from '@/lib/server/http';
import { consoleLoginUrl, parseRoleRequest } from '@/lib/server/portal';

export const dynamic = 'force-dynamic';

/**
 * POST { roleId, region?, service? } → { url }: the AWS federation login URL, a 15-minute bearer secret.
 * For the CLI only (bearer): the portal never shows this URL and uses /api/aws/console's redirect instead.
 */
export const POST = apiRoute(async (req, { c, principal, meta }) => {
  if (principal.via !== 'cli') throw new GatewayError('FORBIDDEN', 'console URL requested with a web session', { publicDetail: 'This endpoint is for the CLI; use Console in the portal.' });
  const input = parseRoleRequest(await readBody(req));
  const url = await consoleLoginUrl(c, { ...principal, channel: 'cli' }, { ...input, roleId: resolveRoleRef(c.config.roles, input.roleId) }, meta);
  return apiJson({ url });
}, { issuance: true });
