/**
 * Favourites and recently used roles in the terminal (issue 15 §4): the same per-user lists the web
 * picker shows at its top, kept on the server (`/api/v1/favourites`), so a star set in the browser is a
 * star here and an issuance through credential_process counts as recent use there.
 */
import { parseQuickRoles, type QuickRoles, type RoleSummary } from './api-types';
import type { CliContext } from './context';
import { authedCall } from './session';
import { expectOk } from './api';

export type QuickMark = 'favourite' | 'recent';

/** The caller's quick roles; none from a server older than favourites (its 404), any other failure thrown. */
export async function fetchQuickRoles(ctx: CliContext, server: string): Promise<QuickRoles> {
  const res = await authedCall(ctx, server, 'favourites');
  if (res.status === 404) return { favourites: [], recent: [] };
  return parseQuickRoles(expectOk(res));
}

/** Stars (`put`) or unstars (`delete`) a role by its server id; answers with the lists as they are now. */
export async function setStar(
  ctx: CliContext,
  server: string,
  roleId: string,
  starred: boolean,
): Promise<QuickRoles> {
  const route = `favourites?roleId=${encodeURIComponent(roleId)}`;
  return parseQuickRoles(
    expectOk(await authedCall(ctx, server, route, { method: starred ? 'PUT' : 'DELETE' })),
  );
}

/** Favourites first (in the order starred), then recent ones (most frecent first), then the rest as listed. */
export function withQuickRolesFirst(
  roles: readonly RoleSummary[],
  quick: QuickRoles,
): { role: RoleSummary; mark?: QuickMark }[] {
  const byId = new Map(roles.map((r) => [r.id, r] as const));
  const top = new Map<string, { role: RoleSummary; mark: QuickMark }>();
  const lift = (mark: QuickMark) => (id: string) => {
    const role = byId.get(id);
    if (role && !top.has(id)) top.set(id, { role, mark });
  };
  quick.favourites.forEach(lift('favourite'));
  quick.recent.forEach(lift('recent'));
  return [...top.values(), ...roles.filter((r) => !top.has(r.id)).map((role) => ({ role }))];
}
