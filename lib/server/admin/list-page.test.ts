import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listHref, listPage, matchesFilter, parseListQuery } from './list-page';

const items = Array.from({ length: 120 }, (_, i) => ({ id: `acct-${String(i).padStart(3, '0')}`, alias: i % 2 ? 'odd' : 'even' }));
const text = (x: (typeof items)[number]) => [x.id, x.alias];

test('parses ?page and ?q; a page that is not a positive integer counts as absent; the filter is trimmed and cut', () => {
  assert.deepEqual(parseListQuery({ page: '3', q: '  prod  ' }), { page: 3, q: 'prod' });
  for (const page of ['0', '-1', '1.5', 'x', '', '1e3', '9999999']) assert.deepEqual(parseListQuery({ page }), { q: '' }, page);
  assert.deepEqual(parseListQuery({ page: ['2', '3'], q: ['a', 'b'] }), { q: '' }, 'repeated parameters are ignored');
  assert.equal(parseListQuery({ q: 'x'.repeat(500) }).q.length, 200);
});

test('every term must appear in one of the texts, any case', () => {
  assert.ok(matchesFilter('', ['a']));
  assert.ok(matchesFilter('PROD oper', ['prod', 'Operators']));
  assert.ok(!matchesFilter('prod dev', ['prod', undefined]));
});

test('pages of 50: items, page count, total and offset; out-of-range pages are clamped', () => {
  const first = listPage(items, { q: '' }, { text });
  assert.deepEqual([first.items.length, first.page, first.pages, first.total, first.offset], [50, 1, 3, 120, 0]);
  const last = listPage(items, { page: 3, q: '' }, { text });
  assert.deepEqual([last.items.length, last.items[0]?.id, last.offset], [20, 'acct-100', 100]);
  assert.equal(listPage(items, { page: 99, q: '' }, { text }).page, 3);
  const none = listPage([], { page: 2, q: '' }, { text });
  assert.deepEqual([none.items, none.page, none.pages, none.total], [[], 1, 1, 0]);
});

test('the filter narrows before paging; focus opens the page holding the item unless a page was asked for', () => {
  const odd = listPage(items, { q: 'odd' }, { text, size: 10 });
  assert.deepEqual([odd.total, odd.pages, odd.items[0]?.id], [60, 6, 'acct-001']);
  const focus = (x: (typeof items)[number]) => x.id === 'acct-075';
  assert.equal(listPage(items, { q: '' }, { text, focus }).page, 2);
  assert.equal(listPage(items, { page: 1, q: '' }, { text, focus }).page, 1);
  assert.equal(listPage(items, { q: 'even' }, { text, focus }).page, 1, 'a focus the filter hides changes nothing');
});

test('links keep the filter and add extra parameters', () => {
  assert.equal(listHref('/admin/accounts', { q: 'prod ops', page: 2 }), '/admin/accounts?q=prod+ops&page=2');
  assert.equal(listHref('/admin/rules', { q: '', page: 1 }, { edit: 'r/1' }), '/admin/rules?page=1&edit=r%2F1');
});
