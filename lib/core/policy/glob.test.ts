/**
 * Issue 15 §4: a glob's literal prefix and suffix (what the compiled rules index it by) and the cheap
 * pre-check built on them, and the one-pass answer for every wildcard of a rule set (wildcard-index.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globMayMatch, parseGlob } from './glob';
import { buildWildcardIndex, matchWildcards } from './wildcard-index';

describe('parseGlob', () => {
  it('splits the literal text before the first wildcard and after the last', () => {
    const parts = (p: string) => {
      const g = parseGlob(p);
      return [g.literal, g.prefix, g.suffix];
    };
    assert.deepEqual(parts('aws-dev-admins'), [true, 'aws-dev-admins', 'aws-dev-admins']);
    assert.deepEqual(parts('aws-*'), [false, 'aws-', '']);
    assert.deepEqual(parts('*-admins'), [false, '', '-admins']);
    assert.deepEqual(parts('team-?-x*y'), [false, 'team-', 'y']);
    assert.deepEqual(parts('a*b?c'), [false, 'a', 'c']);
    assert.deepEqual(parts('a?b*c'), [false, 'a', 'c']);
    assert.deepEqual(parts('*'), [false, '', '']);
    assert.deepEqual(parts('?'), [false, '', '']);
  });

  it('tests as compileGlob does, literal or not', () => {
    assert.equal(parseGlob('Admins').test('Admins'), true);
    assert.equal(parseGlob('Admins').test('admins'), false);
    assert.equal(parseGlob('a.b').test('aXb'), false);
    assert.equal(parseGlob('a*a').test('a'), false);
    assert.equal(parseGlob('a*a').test('aba'), true);
  });
});

describe('globMayMatch', () => {
  it('needs both the prefix and the suffix, and nothing else', () => {
    const g = parseGlob('team-*-leads');
    assert.equal(globMayMatch(g, 'team-7-leads'), true);
    assert.equal(globMayMatch(g, 'team-leads'), true, 'a necessary condition only: the glob itself refuses this one');
    assert.equal(globMayMatch(g, 'xteam-7-leads'), false);
    assert.equal(globMayMatch(g, 'team-7-leadsx'), false);
    assert.equal(globMayMatch(g, 'team-7-lead'), false);
    assert.equal(globMayMatch(parseGlob('*'), ''), true);
  });
});

describe('buildWildcardIndex', () => {
  it('files each glob under its prefix, else its suffix, else among the open ones', () => {
    const index = buildWildcardIndex(['a*', 'ab*c', '*c', '*', '?', 'a?', '*-x', '?*?'].map(parseGlob));
    assert.deepEqual([...index.byPrefix], [['a', [0, 5]], ['ab', [1]]]);
    assert.deepEqual([...index.bySuffix], [['c', [2]], ['-x', [6]]]);
    assert.deepEqual(index.open, [3, 4, 7]);
    assert.deepEqual([index.prefixLengths, index.suffixLengths], [[1, 2], [1, 2]]);
  });
});

describe('matchWildcards', () => {
  it('answers each glob with the first group in claims order it matches, else null', () => {
    const globs = ['te*', 'team-1*', 't*', '*-leads', '*s', '*', '?', 'x*y*z', 'team-10-*'].map(parseGlob);
    const index = buildWildcardIndex(globs);
    const groups = ['b', 'team-10-leads', 'team-1', 'te', 'xyz', 'x-leads'];
    assert.deepEqual(matchWildcards(index, groups), ['team-10-leads', 'team-10-leads', 'team-10-leads', 'team-10-leads', 'team-10-leads', 'b', 'b', 'xyz', 'team-10-leads']);
    assert.deepEqual(matchWildcards(index, ['tea', 'tx']), ['tea', null, 'tea', null, null, 'tea', null, null, null]);
    assert.deepEqual(matchWildcards(index, []), globs.map(() => null));
  });

  it('offers a group to globs with prefixes of every length up to its own, and with suffixes likewise', () => {
    const globs = ['abcdef*', 'a*', 'abc*', '*f', '*def', '*abcdef'].map(parseGlob);
    const index = buildWildcardIndex(globs);
    assert.deepEqual(index.prefixLengths, [6, 1, 3]);
    assert.deepEqual(index.suffixLengths, [1, 3, 6]);
    assert.deepEqual(matchWildcards(index, ['abc', 'abcdef']), ['abcdef', 'abc', 'abc', 'abcdef', 'abcdef', 'abcdef']);
    assert.deepEqual(matchWildcards(index, ['ab', 'f']), [null, 'ab', null, 'f', null, null]);
  });
});
