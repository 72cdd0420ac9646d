/**
 * Issue 15 §4: the compiled evaluation (compiled.ts, claims-view.ts, wildcard-index.ts) decides exactly as
 * the rule-by-rule one it replaced. The reference below is that evaluator, kept as the oracle: every rule
 * asked through matchRule, roles collected in config order. Random rule sets and identities over a small
 * alphabet (so that patterns, groups, emails and domains collide often) are compared with it, frozen (the
 * cached path) and not (compiled per call).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IdentityClaims, RoleDef } from '../types';
import { compiledPolicy } from './compiled';
import { evaluatePolicy, findGrantedRole, matchRule, type GrantedRole, type ResolvedRule, type RuleMatch } from './evaluate';

function reference(claims: IdentityClaims, rules: readonly ResolvedRule[], roles: ReadonlyMap<string, RoleDef>): GrantedRole[] {
  const granted = new Map<string, RuleMatch[]>();
  for (const rule of rules) {
    const match = matchRule(rule, claims);
    if (!match) continue;
    for (const roleId of rule.roles) if (roles.has(roleId)) granted.set(roleId, [...(granted.get(roleId) ?? []), match]);
  }
  return [...roles.values()].flatMap((role) => {
    const grantedBy = granted.get(role.id);
    return grantedBy ? [{ role, grantedBy }] : [];
  });
}

/** Mulberry32. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = ['a', 'ab', 'aba', 'b', 'ba', 'a.b', 'a-b', 'a(b', 'A', '', 'aa', 'team-1', 'team-12', 'x-admins', 'admins', 'é', 'a\nb'];
const PATTERNS = [...GROUPS.filter((g) => g !== ''), '*', '?', 'a*', '*a', 'a*a', 'a?', '?a', '*b*', 'a*b*a', 'team-*', 'team-?', '*-admins', 'a.*', 'a(*', '**', '*?*', 'A*', 'é*', 'a\n*'];
const ROLE_IDS = ['1/A', '1/B', '2/A', '2/C', '3/D'];
const roles = new Map(ROLE_IDS.map((id) => [id, { id, roleName: id } as RoleDef]));

function randomCase(seed: number): { rules: ResolvedRule[]; identities: IdentityClaims[] } {
  const rnd = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const some = <T>(items: readonly T[], max: number): T[] => Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => pick(items));
  const rules = Array.from({ length: 1 + Math.floor(rnd() * 30) }, (_, i): ResolvedRule => ({
    id: `r${i}`,
    groups: some(PATTERNS, 3),
    emails: some(['a@x.com', 'b@y.com'], 1),
    emailDomains: some(['x.com', 'y.com', 'z.com'], 2),
    // Unknown ids (a disabled account's roles) and a role named twice are kept as the config resolves them.
    roles: some([...ROLE_IDS, '9/Gone'], 3),
    disabled: rnd() < 0.15,
    ...(rnd() < 0.3 ? { idps: some(['okta', 'entra'], 2) } : {}),
  }));
  const identities = Array.from({ length: 8 }, (): IdentityClaims => ({
    idpId: pick(['okta', 'entra', 'google']), issuer: 'i', subject: 's', extra: {},
    groups: some(GROUPS, 6),
    email: pick([undefined, 'A@x.com', 'b@y.com', 'c@z.com', '"q@x.com"@y.com']),
    emailVerified: rnd() < 0.7,
    ...(rnd() < 0.2 ? { hostedDomain: pick(['X.com', 'z.com']) } : {}),
  }));
  return { rules, identities };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('compiled evaluation ≡ rule-by-rule evaluation', () => {
  it('on 400 random rule sets × 8 identities: the same roles, the same rules and reasons, in the same order', () => {
    let held = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { rules, identities } = randomCase(seed);
      const frozen = deepFreeze(structuredClone(rules));
      for (const claims of identities) {
        const expected = reference(claims, rules, roles);
        held += expected.length;
        assert.deepEqual(evaluatePolicy(claims, rules, roles), expected, `seed ${seed}, not frozen`);
        assert.deepEqual(evaluatePolicy(claims, frozen, roles), expected, `seed ${seed}, frozen`);
        for (const roleId of [...ROLE_IDS, '9/Gone', '']) {
          const one = expected.find((g) => g.role.id === roleId);
          assert.deepEqual(findGrantedRole(claims, frozen, roles, roleId), one, `seed ${seed}, findGrantedRole ${roleId}`);
        }
      }
    }
    // The cases are not vacuous: many identities hold roles (and many do not).
    assert.ok(held > 2_000, `only ${held} roles held over all cases`);
  });

  it('names the first pattern of the rule that matches, with the first group in claims order', () => {
    const rules = deepFreeze([{ id: 'r', groups: ['b*', 'a*', 'ab'], emails: [], emailDomains: [], roles: ['1/A'], disabled: false }]);
    const claims: IdentityClaims = { idpId: 'okta', issuer: 'i', subject: 's', extra: {}, emailVerified: false, groups: ['zz', 'ab', 'aa', 'ba', 'b'] };
    assert.deepEqual(evaluatePolicy(claims, rules, roles)[0]?.grantedBy, [{ ruleId: 'r', reason: 'group ba matches b*' }]);
    assert.deepEqual(findGrantedRole(claims, rules, roles, '1/A')?.grantedBy, [{ ruleId: 'r', reason: 'group ba matches b*' }]);
  });

  it('refuses as before: a disabled rule, another IdP, an unverified email, an unknown role, a near-miss glob', () => {
    const rule = (over: Partial<ResolvedRule>): ResolvedRule => ({ id: 'r', groups: [], emails: [], emailDomains: [], roles: ['1/A'], disabled: false, ...over });
    const who = (over: Partial<IdentityClaims>): IdentityClaims => ({ idpId: 'okta', issuer: 'i', subject: 's', extra: {}, emailVerified: true, groups: [], ...over });
    const none = (rules: ResolvedRule[], claims: IdentityClaims) => {
      assert.deepEqual(evaluatePolicy(claims, deepFreeze(rules), roles), []);
      assert.equal(findGrantedRole(claims, rules, roles, '1/A'), undefined);
    };
    none([rule({ groups: ['team-*'], disabled: true })], who({ groups: ['team-1'] }));
    none([rule({ groups: ['team-*'], idps: ['entra'] })], who({ groups: ['team-1'] }));
    none([rule({ emails: ['a@x.com'] }), rule({ id: 'd', emailDomains: ['x.com'] })], who({ email: 'a@x.com', emailVerified: false }));
    none([rule({ groups: ['team-*'], roles: ['9/Gone'] })], who({ groups: ['team-1'] }));
    none([rule({ groups: ['team-?', 'a*a', 'A*', '*-admins'] })], who({ groups: ['team-12', 'a', 'aA', 'admins', 'team-'] }));
  });
});

describe('compile: the indexes', () => {
  it('lists each enabled rule under its exact groups, email, domains and distinct wildcards; roles by position', () => {
    const r = (id: string, over: Partial<ResolvedRule>): ResolvedRule => ({ id, groups: [], emails: [], emailDomains: [], roles: [], disabled: false, ...over });
    const policy = compiledPolicy([
      r('r0', { groups: ['g1', 't-*', 'g1'], roles: ['1/B', '9/Gone', '1/A', '1/B'] }),
      r('r1', { groups: ['t-*', '*-x'], emails: ['a@x.com'], emailDomains: ['x.com', 'y.com'], roles: ['3/D'] }),
      r('r2', { groups: ['g1', 'z-*'], emails: ['a@x.com'], emailDomains: ['x.com'], roles: ['1/A'], disabled: true }),
    ], roles);
    assert.deepEqual([...policy.byGroup], [['g1', [0, 0]]]);
    assert.deepEqual(policy.wildcards.map((w) => [w.glob.pattern, w.rules]), [['t-*', [0, 1]], ['*-x', [1]], ['z-*', []]]);
    assert.deepEqual(policy.rules.map((c) => c.patterns.map((p) => p.wildcard)), [[-1, 0, -1], [0, 1], [-1, 2]]);
    assert.deepEqual([...policy.byEmail], [['a@x.com', [1]]]);
    assert.deepEqual([...policy.byDomain], [['x.com', [1]], ['y.com', [1]]]);
    assert.deepEqual([...policy.byRole], [['1/B', [0, 0]], ['9/Gone', [0]], ['1/A', [0, 2]], ['3/D', [1]]]);
    assert.deepEqual(policy.rules.map((c) => c.rolePositions), [[1, 0, 1], [4], [0]]);
    assert.deepEqual(policy.wildcardIndex.globs.map((g) => g.pattern), ['t-*', '*-x', 'z-*']);
  });
});

describe('compiledPolicy: once per config', () => {
  const rules = (): ResolvedRule[] => [{ id: 'r', groups: ['a*'], emails: [], emailDomains: [], roles: ['1/A'], disabled: false }];

  it('a frozen rules array (a parsed config) is compiled once and kept', () => {
    const frozen = deepFreeze(rules());
    assert.equal(compiledPolicy(frozen, roles), compiledPolicy(frozen, roles));
  });

  it('is compiled again for an array that may change, or for another roles map', () => {
    const open = rules();
    assert.notEqual(compiledPolicy(open, roles), compiledPolicy(open, roles));
    const frozen = deepFreeze(rules());
    const other = new Map(roles);
    assert.notEqual(compiledPolicy(frozen, roles), compiledPolicy(frozen, other));
    assert.equal(compiledPolicy(frozen, other).roles, other);
  });

  it('is compiled again when the roles map grew or shrank since', () => {
    const frozen = deepFreeze(rules());
    const growing = new Map(roles);
    const before = compiledPolicy(frozen, growing);
    growing.delete('3/D');
    const after = compiledPolicy(frozen, growing);
    assert.notEqual(after, before);
    assert.equal(after.roleList.length, ROLE_IDS.length - 1);
  });

  it('is not kept when any part it reads may still change: the array, a rule, or one of its lists', () => {
    for (const open of ['array', 'rule', 'groups', 'emails', 'emailDomains', 'roles'] as const) {
      const list = rules();
      const rule = list[0] as ResolvedRule;
      for (const key of ['groups', 'emails', 'emailDomains', 'roles'] as const) if (key !== open) Object.freeze(rule[key]);
      if (open !== 'rule') Object.freeze(rule);
      if (open !== 'array') Object.freeze(list);
      assert.notEqual(compiledPolicy(list, roles), compiledPolicy(list, roles), `${open} not frozen`);
    }
    const twoRules = [deepFreeze(rules()[0] as ResolvedRule), ...rules()];
    Object.freeze(twoRules);
    assert.notEqual(compiledPolicy(twoRules, roles), compiledPolicy(twoRules, roles), 'the second rule not frozen');
  });
});
