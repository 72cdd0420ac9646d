/**
 * The group, IdP, disabled-rule and role parts of evaluatePolicy and the group globs, each rule of the
 * decision with a test of its own (issue 12 §8: mutation testing found them unguarded). Email rules are
 * tested in evaluate.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IdentityClaims, RoleDef } from '../types';
import { evaluatePolicy, findGrantedRole, matchRule, type ResolvedRule } from './evaluate';
import { compileGlob } from './glob';

const claims = (over: Partial<IdentityClaims> = {}): IdentityClaims => ({
  idpId: 'okta', issuer: 'https://example.okta.com', subject: 's1', emailVerified: true, groups: [], extra: {}, ...over,
});
const rule = (over: Partial<ResolvedRule>): ResolvedRule => ({ id: 'r', groups: [], emails: [], emailDomains: [], roles: [], disabled: false, ...over });
const role = (id: string): RoleDef => {
  const [accountId = '', roleName = ''] = id.split('/');
  return { id, accountId, accountAlias: accountId, partition: 'aws', region: 'us-east-1', roleName, arn: `arn:aws:iam::${accountId}:role/${roleName}`, maxSessionDurationSeconds: 3600, delivery: 'web-identity' } as RoleDef;
};
const ADMIN = '111122223333/Admin';
const READ = '111122223333/ReadOnly';
const OPS = '444455556666/Operator';
const roles = new Map([ADMIN, READ, OPS].map((id) => [id, role(id)]));
const ids = (c: IdentityClaims, rules: ResolvedRule[]) => evaluatePolicy(c, rules, roles).map((g) => g.role.id);

describe('matchRule: groups', () => {
  it('names the first matching group and the pattern in the reason', () => {
    const r = rule({ id: 'devs', groups: ['aws-prod-*', 'aws-dev-*'] });
    assert.deepEqual(matchRule(r, claims({ groups: ['eng', 'aws-dev-admins', 'aws-dev-ops'] })), { ruleId: 'devs', reason: 'group aws-dev-admins matches aws-dev-*' });
  });

  it('does not match when no group matches any pattern', () => {
    assert.equal(matchRule(rule({ groups: ['aws-dev-*'] }), claims({ groups: ['aws-prod-admins'] })), undefined);
  });

  it('grants nothing through a disabled rule', () => {
    assert.equal(matchRule(rule({ groups: ['eng'], disabled: true }), claims({ groups: ['eng'] })), undefined);
  });

  it('applies an IdP-restricted rule only to identities from those IdPs', () => {
    const r = rule({ groups: ['eng'], idps: ['okta', 'entra'] });
    assert.equal(matchRule(r, claims({ idpId: 'google', groups: ['eng'] })), undefined);
    assert.equal(matchRule(r, claims({ idpId: 'entra', groups: ['eng'] }))?.ruleId, 'r');
  });

  it('applies a rule without idps to every IdP', () => {
    assert.equal(matchRule(rule({ groups: ['eng'] }), claims({ idpId: 'any-idp', groups: ['eng'] }))?.ruleId, 'r');
  });

  it('does not match a rule with only groups for an identity with a verified email and no groups', () => {
    assert.equal(matchRule(rule({ groups: ['eng'] }), claims({ email: 'a@example.com', hostedDomain: 'example.com' })), undefined);
  });
});

describe('evaluatePolicy', () => {
  const rules = [
    rule({ id: 'ops', groups: ['ops'], roles: [OPS, READ] }),
    rule({ id: 'eng', groups: ['eng'], roles: [READ, '999999999999/Gone'] }),
    rule({ id: 'admins', groups: ['admins'], roles: [ADMIN] }),
  ];

  it('lists granted roles in role-config order, each with every rule that granted it, in rule order', () => {
    const granted = evaluatePolicy(claims({ groups: ['eng', 'ops'] }), rules, roles);
    assert.deepEqual(granted.map((g) => g.role.id), [READ, OPS]);
    assert.deepEqual(granted[0]?.grantedBy.map((m) => m.ruleId), ['ops', 'eng']);
    assert.deepEqual(granted[1]?.grantedBy, [{ ruleId: 'ops', reason: 'group ops matches ops' }]);
  });

  it('skips a rule role that is not configured (no phantom grant)', () => {
    assert.deepEqual(ids(claims({ groups: ['eng'] }), rules), [READ]);
  });

  it('grants nothing without rules or without matches', () => {
    assert.deepEqual(ids(claims({ groups: ['eng'] }), []), []);
    assert.deepEqual(ids(claims({ groups: ['other'] }), rules), []);
  });

  it('keeps evaluating after a rule that does not match', () => {
    assert.deepEqual(ids(claims({ groups: ['admins'] }), rules), [ADMIN]);
  });

  it('findGrantedRole returns the granted role with its rules, and undefined for a role not granted', () => {
    const c = claims({ groups: ['ops'] });
    assert.deepEqual(findGrantedRole(c, rules, roles, OPS)?.grantedBy.map((m) => m.ruleId), ['ops']);
    assert.equal(findGrantedRole(c, rules, roles, ADMIN), undefined);
  });
});

describe('compileGlob', () => {
  it('matches a pattern without wildcards literally and whole', () => {
    assert.ok(compileGlob('aws-admins')('aws-admins'));
    assert.ok(!compileGlob('aws-admins')('aws-admins-x'));
    assert.ok(!compileGlob('aws-admins')('x-aws-admins'));
  });

  it('lets * match any run, including none and newlines, anchored at both ends', () => {
    const g = compileGlob('aws-*');
    assert.ok(g('aws-') && g('aws-dev') && g('aws-dev\nadmins'));
    assert.ok(!g('xaws-dev'));
    assert.ok(!compileGlob('*-admins')('dev-admins-x'));
  });

  it('lets ? match exactly one character', () => {
    assert.ok(compileGlob('team-?')('team-a'));
    assert.ok(!compileGlob('team-?')('team-'));
    assert.ok(!compileGlob('team-?')('team-ab'));
  });

  it('treats regular-expression characters around wildcards as literals', () => {
    for (const ch of '.+^${}()|[]\\/-') {
      const g = compileGlob(`a${ch}*`);
      assert.ok(g(`a${ch}x`), `${ch} matches itself`);
      assert.ok(!g(`ab${ch}x`), `${ch} is not a wildcard`);
    }
    assert.ok(!compileGlob('a.?')('abc'));
    assert.ok(!compileGlob('a[bc]*')('ab'));
  });
});
