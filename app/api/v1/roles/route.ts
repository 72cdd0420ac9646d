import { grantedApiRoles } from '@/lib/server/api/roles';
import { apiJson, apiRoute } from '@/lib/server/api/route';

export const dynamic = 'force-dynamic';

/** The caller's roles, decided on the claims of their login or session (deny by default). */
export const GET = apiRoute(async (_req, { c, principal }) => apiJson({ roles: grantedApiRoles(c.config, principal.claims) }));
