import { apiJson, apiRoute } from '@/lib/server/api/route';

export const dynamic = 'force-dynamic';

/** Who the caller is, through which IdP, how (CLI token or web session) and until when. */
export const GET = apiRoute(async (_req, { c, principal }) => {
  const { idps, samlConnections } = c.config;
  const name = idps.find((i) => i.id === principal.idpId)?.name ?? samlConnections.find((s) => s.id === principal.idpId)?.name ?? principal.idpId;
  return apiJson({
    user: { id: principal.user.id, email: principal.user.email ?? null, name: principal.user.name ?? null },
    idp: { id: principal.idpId, name },
    via: principal.via,
    expiresAt: principal.expiresAt.toISOString(),
  });
});
