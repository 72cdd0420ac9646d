/** Issue 15 §4: filtering against precomputed search text, and the flat list of headers and roles. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountGroup, RoleView } from './catalogue';
import { accountKey, countRoles, describeCount, filterGroups, isAccountKey, listItems, queryTerms, searchIndex } from './list';

const view = (accountId: string, accountAlias: string, roleName: string, description?: string): RoleView => ({
  id: `${accountId}/${roleName}`, accountId, accountAlias, roleName, region: 'eu-west-1', partition: 'aws',
  maxSessionDurationSeconds: 3600, delivery: 'web-identity', grantedBy: [], ...(description ? { description } : {}),
});
const group = (accountId: string, alias: string, roles: [string, string?][]): AccountGroup => ({
  accountId, accountAlias: alias, roles: roles.map(([name, desc]) => view(accountId, alias, name, desc)),
});
const groups = [
  group('111122223333', 'dev', [['Admin', 'Full access'], ['ReadOnly', 'Read-only access']]),
  group('444455556666', 'prod', [['Operator', 'Operate production'], ['ReadOnly']]),
];
const names = (gs: AccountGroup[]) => gs.flatMap((g) => g.roles.map((r) => `${g.accountAlias}/${r.roleName}`));

test('every term must appear, case-insensitively, in alias, account id, role name or description', () => {
  const index = searchIndex(groups);
  assert.deepEqual(names(filterGroups(index, 'prod read')), ['prod/ReadOnly']);
  assert.deepEqual(names(filterGroups(index, 'READONLY')), ['dev/ReadOnly', 'prod/ReadOnly']);
  assert.deepEqual(names(filterGroups(index, '4444')), ['prod/Operator', 'prod/ReadOnly']);
  assert.deepEqual(names(filterGroups(index, 'full')), ['dev/Admin']);
  assert.deepEqual(names(filterGroups(index, '  operate   production ')), ['prod/Operator']);
  assert.deepEqual(filterGroups(index, 'zzz'), []);
  assert.deepEqual(queryTerms(' A  b\tC '), ['a', 'b', 'c']);
});

test('a term must match within one field of one role, not across the line between fields', () => {
  // "dev\n111122223333\nAdmin\nFull access": "devadmin" spans nothing, so nothing matches.
  assert.deepEqual(filterGroups(searchIndex(groups), 'devadmin'), []);
});

test('an empty query and a group whose roles all match keep the same group objects (memoised rows see nothing new)', () => {
  const index = searchIndex(groups);
  const all = filterGroups(index, '   ');
  assert.equal(all[0], groups[0]);
  assert.equal(all[1], groups[1]);
  const prod = filterGroups(index, 'prod');
  assert.equal(prod[0], groups[1]);
  const some = filterGroups(index, 'admin');
  assert.notEqual(some[0], groups[0]);
  assert.equal(some[0]?.roles[0], groups[0]?.roles[0]);
});

test('the list: each header then its roles with their place in the account; a folded account is its header alone', () => {
  const items = listItems(groups, new Set(['111122223333']));
  assert.deepEqual(items.map((i) => [i.kind, i.key, i.last]), [
    ['account', 'account:111122223333', true],
    ['account', 'account:444455556666', false],
    ['role', '444455556666/Operator', false],
    ['role', '444455556666/ReadOnly', true],
  ]);
  const [, header, first, second] = items;
  assert.equal(header?.kind === 'account' && header.folded, false);
  assert.deepEqual(first?.kind === 'role' ? [first.position, first.setSize] : null, [1, 2]);
  assert.deepEqual(second?.kind === 'role' ? [second.position, second.setSize] : null, [2, 2]);
  assert.equal(listItems(groups, new Set()).length, 6);
  assert.equal(isAccountKey(accountKey('111122223333')), true);
  assert.equal(isAccountKey('111122223333/Admin'), false);
  assert.deepEqual(listItems([], new Set()), []);
});

test('counts are worded with thousands separators and singulars', () => {
  assert.equal(describeCount(2000, 300), '2,000 roles in 300 accounts');
  assert.equal(describeCount(1, 1), '1 role in 1 account');
  assert.equal(describeCount(0, 0), '0 roles in 0 accounts');
  assert.equal(countRoles(groups), 4);
});
