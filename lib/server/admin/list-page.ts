/**
 * Offset pages of an admin list held in memory (the live config's accounts, rules): issue 15 §4, where
 * /admin/accounts rendered all 300 accounts and their 2,000 roles as 5 MB of HTML. The config is already
 * parsed in memory, so a page is a filter and a slice; the page renders only its own rows.
 */

export const ADMIN_PAGE_SIZE = 50;
/** A filter longer than this is cut: it only ever narrows a list held in memory. */
const MAX_FILTER = 200;

type Params = Record<string, string | string[] | undefined>;

export interface ListQuery {
  /** 1-based; absent when the request named no page. */
  page?: number;
  /** The filter as typed (trimmed); '' for none. */
  q: string;
}

export interface ListPage<T> {
  items: T[];
  /** 1-based page shown (clamped into 1…pages). */
  page: number;
  pages: number;
  /** Rows matching the filter. */
  total: number;
  /** Index of the first item on this page within the filtered list (0-based). */
  offset: number;
  q: string;
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** `?page=` and `?q=` of an admin list. A page that is not a positive integer counts as absent. */
export function parseListQuery(params: Params): ListQuery {
  const rawPage = one(params.page);
  const page = rawPage !== undefined && /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : undefined;
  return { ...(page !== undefined ? { page } : {}), q: (one(params.q) ?? '').trim().slice(0, MAX_FILTER) };
}

/** Every whitespace-separated term of `q`, lower-cased, appears in one of the texts. */
export function matchesFilter(q: string, texts: readonly (string | undefined)[]): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = texts.filter(Boolean).join('\n').toLowerCase();
  return terms.every((t) => haystack.includes(t));
}

export interface PageOptions<T> {
  /** The texts the filter searches in an item. */
  text: (item: T) => readonly (string | undefined)[];
  /** When no page was asked for: open the page holding the first item this picks (e.g. the one being edited). */
  focus?: (item: T) => boolean;
  size?: number;
}

export function listPage<T>(all: readonly T[], query: ListQuery, opts: PageOptions<T>): ListPage<T> {
  const size = opts.size ?? ADMIN_PAGE_SIZE;
  const filtered = query.q ? all.filter((item) => matchesFilter(query.q, opts.text(item))) : [...all];
  const pages = Math.max(1, Math.ceil(filtered.length / size));
  const focused = query.page === undefined && opts.focus ? filtered.findIndex(opts.focus) : -1;
  const wanted = focused >= 0 ? Math.floor(focused / size) + 1 : (query.page ?? 1);
  const page = Math.min(Math.max(wanted, 1), pages);
  const offset = (page - 1) * size;
  return { items: filtered.slice(offset, offset + size), page, pages, total: filtered.length, offset, q: query.q };
}

/** The list's URL for another page (or with extra parameters), keeping the filter. */
export function listHref(path: string, list: Pick<ListPage<unknown>, 'q' | 'page'>, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  if (list.q) params.set('q', list.q);
  params.set('page', String(list.page));
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  return `${path}?${params.toString()}`;
}
