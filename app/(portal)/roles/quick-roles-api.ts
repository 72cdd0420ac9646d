import { sendJson, type PostResult } from '@/app/components/post-json';

/** Role ids of the person's favourites (starred order) and recent roles (best first). */
export interface QuickRoleIds {
  favourites: string[];
  recent: string[];
}

/** Stars (`on`) or unstars a role on the server; the answer carries both lists as they are now. */
export function toggleFavourite(roleId: string, on: boolean): Promise<PostResult> {
  return sendJson(on ? 'PUT' : 'DELETE', `/api/v1/favourites?roleId=${encodeURIComponent(roleId)}`);
}

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null);

/** Narrows the JSON of /api/v1/favourites without trusting its shape; null when it is not that shape. */
export function parseQuickRoles(body: unknown): QuickRoleIds | null {
  if (typeof body !== 'object' || body === null) return null;
  const { favourites, recent } = body as Record<string, unknown>;
  const f = strings(favourites);
  const r = strings(recent);
  return f && r ? { favourites: f, recent: r } : null;
}
