/**
 * The role picker's list: filtering by a typed query and the flat list of rows the picker renders (an
 * account header, then its roles unless the account is folded). Issue 15 §4: a keystroke must cost less
 * than a frame with 2,000 roles, so every role's lower-case search text is computed once, and an account
 * whose roles all match keeps its group object (the rows' memoisation sees nothing new).
 */
import type { AccountGroup, RoleView } from './catalogue';

export interface IndexedGroup {
  group: AccountGroup;
  /** Per role, in order: alias, account id, role name and description, lower-cased. */
  keys: string[];
}

export type ListItem =
  | { kind: 'account'; key: string; group: AccountGroup; folded: boolean; last: boolean }
  | { kind: 'role'; key: string; role: RoleView; position: number; setSize: number; last: boolean };

export function searchIndex(groups: readonly AccountGroup[]): IndexedGroup[] {
  return groups.map((group) => ({
    group,
    keys: group.roles.map((r) => [r.accountAlias, r.accountId, r.roleName, r.description ?? ''].join('\n').toLowerCase()),
  }));
}

/** The query's terms: lower-cased, split on whitespace. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Case-insensitive; every whitespace-separated term must appear in alias, account id, role name or description. */
export function filterGroups(index: readonly IndexedGroup[], query: string): AccountGroup[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return index.map((g) => g.group);
  const out: AccountGroup[] = [];
  for (const { group, keys } of index) {
    const roles = group.roles.filter((_, i) => terms.every((t) => keys[i]?.includes(t)));
    if (roles.length === group.roles.length) out.push(group);
    else if (roles.length > 0) out.push({ ...group, roles });
  }
  return out;
}

/** Header keys are `account:<id>`; role keys are role ids (`<account id>/<name>`), which never start so. */
export const accountKey = (accountId: string): string => `account:${accountId}`;
export const isAccountKey = (key: string): boolean => key.startsWith('account:');

/** One header per group, followed by its roles unless the account is folded. */
export function listItems(groups: readonly AccountGroup[], folded: ReadonlySet<string>): ListItem[] {
  const items: ListItem[] = [];
  for (const group of groups) {
    const isFolded = folded.has(group.accountId);
    items.push({ kind: 'account', key: accountKey(group.accountId), group, folded: isFolded, last: isFolded });
    if (isFolded) continue;
    const setSize = group.roles.length;
    group.roles.forEach((role, i) => items.push({ kind: 'role', key: role.id, role, position: i + 1, setSize, last: i === setSize - 1 }));
  }
  return items;
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** "3 roles in 2 accounts" */
export function describeCount(roles: number, accounts: number): string {
  return `${plural(roles, 'role')} in ${plural(accounts, 'account')}`;
}

export function countRoles(groups: readonly AccountGroup[]): number {
  return groups.reduce((n, g) => n + g.roles.length, 0);
}
