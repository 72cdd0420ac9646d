import { listHref, type ListPage } from '@/lib/server/admin/list-page';

interface ListPagerProps {
  path: string;
  list: ListPage<unknown>;
  /** What one row is ("account", "rule"). */
  noun: string;
  testId: string;
}

/** The filter box and "Showing 51–100 of 300 · ← Previous · Next →" of a paged admin list (plain GET links). */
export function ListPager({ path, list, noun, testId }: ListPagerProps) {
  const shown = list.items.length === 0 ? `No ${noun}s` : `${list.offset + 1}–${list.offset + list.items.length} of ${list.total} ${noun}${list.total === 1 ? '' : 's'}`;
  return (
    <div className="list-pager" data-testid={testId}>
      <form method="get" action={path} className="list-filter" role="search">
        <label htmlFor={`${testId}-q`} className="visually-hidden">Filter {noun}s</label>
        <input id={`${testId}-q`} className="input" type="search" name="q" defaultValue={list.q} placeholder={`Filter ${noun}s…`} data-testid={`${testId}-q`} />
        <button type="submit" className="btn">Filter</button>
        {list.q && <a className="btn btn-ghost" href={path}>Clear</a>}
      </form>
      <nav className="list-pages" aria-label={`${noun} pages`}>
        <span className="muted" data-testid={`${testId}-count`}>{shown}{list.pages > 1 ? ` · page ${list.page} of ${list.pages}` : ''}</span>
        {list.page > 1 && <a className="btn btn-small" rel="prev" href={listHref(path, { ...list, page: list.page - 1 })} data-testid={`${testId}-prev`}>← Previous</a>}
        {list.page < list.pages && <a className="btn btn-small" rel="next" href={listHref(path, { ...list, page: list.page + 1 })} data-testid={`${testId}-next`}>Next →</a>}
      </nav>
    </div>
  );
}
