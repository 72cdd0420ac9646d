import { heldApiRoles } from '@/lib/server/api/roles';
import { apiJson, apiRoute } from '@/lib/server/api/route';

export const dynamic = 'force-dynamic';

/** The caller's roles, decided on the claims of their login or session plus their active grants (deny by default). */
export const GET = apiRoute(async (_req, { c, principal }) => apiJson({ roles: await heldApiRoles(c.issuance, principal.claims, principal.userId) }));
