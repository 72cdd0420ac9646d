/**
 * Which roles a rule form lists (issue 15 §4): with a big catalogue one checkbox per role made /admin/rules
 * 1.15 MB of HTML. The form lists the roles it keeps chosen (always), then the first SHOWN_UNCHECKED others
 * that match its filter, and says how many more match.
 */
export interface RoleOption {
  id: string;
  label: string;
}

/** Unchosen roles listed at once; a filter narrows the rest. */
export const SHOWN_UNCHECKED = 30;

/** The pinned roles, then up to SHOWN_UNCHECKED others whose id or label contains every term of `filter`. */
export function visibleRoles(roles: readonly RoleOption[], pinned: ReadonlySet<string>, filter: string): { listed: RoleOption[]; more: number } {
  const terms = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (r: RoleOption) => terms.every((t) => r.id.toLowerCase().includes(t) || r.label.toLowerCase().includes(t));
  const others = roles.filter((r) => !pinned.has(r.id) && matches(r));
  return { listed: [...roles.filter((r) => pinned.has(r.id)), ...others.slice(0, SHOWN_UNCHECKED)], more: Math.max(0, others.length - SHOWN_UNCHECKED) };
}
