/**
 * Every wildcard glob of a rule set answered for one identity in one pass over its groups (issue 15 §4):
 * each group is offered only to the globs whose literal prefix (or, for `*-admins`, suffix) it carries,
 * found by hashing the group's own prefixes of the lengths the globs have. A glob's own test decides; the
 * index only skips the globs that cannot match. The answer per glob is the FIRST group in claims order
 * that matches, as `groups.find(glob.test)` gives it.
 */
import { globMayMatch, type Glob } from './glob';

export interface WildcardIndex {
  globs: readonly Glob[];
  /** Glob ids by their literal prefix, and the distinct prefix lengths. */
  byPrefix: ReadonlyMap<string, readonly number[]>;
  prefixLengths: readonly number[];
  /** Globs without a prefix, by their literal suffix. */
  bySuffix: ReadonlyMap<string, readonly number[]>;
  suffixLengths: readonly number[];
  /** Globs with neither (`*`, `?x*`): offered every group. */
  open: readonly number[];
}

function push(index: Map<string, number[]>, key: string, id: number): void {
  const list = index.get(key);
  if (list) list.push(id);
  else index.set(key, [id]);
}

const lengths = (index: ReadonlyMap<string, unknown>) => [...new Set([...index.keys()].map((k) => k.length))];

export function buildWildcardIndex(globs: readonly Glob[]): WildcardIndex {
  const byPrefix = new Map<string, number[]>();
  const bySuffix = new Map<string, number[]>();
  const open: number[] = [];
  globs.forEach((glob, id) => {
    if (glob.prefix) push(byPrefix, glob.prefix, id);
    else if (glob.suffix) push(bySuffix, glob.suffix, id);
    else open.push(id);
  });
  return { globs, byPrefix, prefixLengths: lengths(byPrefix), bySuffix, suffixLengths: lengths(bySuffix), open };
}

/** For each glob id, the first of `groups` (distinct, in claims order) it matches, or null. */
export function matchWildcards(index: WildcardIndex, groups: Iterable<string>): (string | null)[] {
  const found: (string | null)[] = new Array<string | null>(index.globs.length).fill(null);
  const offer = (ids: readonly number[] | undefined, group: string) => {
    if (!ids) return;
    for (const id of ids) {
      const glob = index.globs[id];
      // Taken by an earlier group: the first in claims order wins.
      if (found[id] !== null || !glob) continue;
      // Stryker disable next-line ConditionalExpression: globMayMatch only skips groups the glob refuses too.
      if (globMayMatch(glob, group) && glob.test(group)) found[id] = group;
    }
  };
  for (const group of groups) {
    // A length beyond the group's looks the whole group up again: offered twice, answered once.
    for (const n of index.prefixLengths) offer(index.byPrefix.get(group.slice(0, n)), group);
    for (const n of index.suffixLengths) offer(index.bySuffix.get(group.slice(-n)), group);
    offer(index.open, group);
  }
  return found;
}
