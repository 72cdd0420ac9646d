import { apiJson, apiRoute } from '@/lib/server/api/route';
import { currentQuickRoles, parseRoleRef, starRole, unstarRole } from '@/lib/server/quick-roles';

export const dynamic = 'force-dynamic';

/** The caller's favourites (starred roles still held) and recently used roles, as role ids. */
export const GET = apiRoute(async (_req, { c, principal }) => apiJson(await currentQuickRoles(c, principal)));

/** PUT ?roleId=… stars a role the caller holds now (at most 50); answers with the lists as GET does. */
export const PUT = apiRoute(async (req, { c, principal }) => apiJson(await starRole(c, principal, parseRoleRef(new URL(req.url), c.config.roles))));

/** DELETE ?roleId=… unstars a role; answers with the lists as GET does. */
export const DELETE = apiRoute(async (req, { c, principal }) => apiJson(await unstarRole(c, principal, parseRoleRef(new URL(req.url), c.config.roles))));
