import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import type { IdentityClaims } from '../types';
import { evaluatePolicy, findGrantedRole } from './evaluate';
import { compileGlob } from './glob';

const cfg = parseConfigText(EXAMPLE_CONFIG_YAML);
const claims = (over: Partial<IdentityClaims>): IdentityClaims => ({
  idpId: 'okta', issuer: 'https://example.okta.com', subject: 's1', emailVerified: true, groups: [], extra: {}, ...over,
});
const ids = (c: IdentityClaims) => evaluatePolicy(c, cfg.rules, cfg.roles).map((g) => g.role.id);

test('groups map to exactly the roles of the matching rules, each with its reason', () => {
  const granted = evaluatePolicy(claims({ groups: ['aws-dev-admins'] }), cfg.rules, cfg.roles);
  assert.deepEqual(granted.map((g) => g.role.id), ['111122223333/Admin', '111122223333/ReadOnly', '444455556666/ReadOnly']);
  assert.deepEqual(granted[0]?.grantedBy, [{ ruleId: 'dev-admins', reason: 'group aws-dev-admins matches aws-dev-admins' }]);
  assert.equal(granted[1]?.grantedBy[0]?.reason, 'group aws-dev-admins matches aws-*');
});

test('deny by default: no groups, unknown groups or an empty identity get nothing', () => {
  assert.deepEqual(ids(claims({})), []);
  assert.deepEqual(ids(claims({ groups: ['engineering', 'AWS-DEV-ADMINS'] })), []);
});

test('a rule restricted to one IdP does not match the same group from another IdP', () => {
  assert.ok(!ids(claims({ idpId: 'entra', groups: ['aws-dev-admins'] })).includes('111122223333/Admin'));
});

test('email-domain rules match only verified emails or the Google hosted domain', () => {
  const google = { idpId: 'google', issuer: 'https://accounts.google.com' };
  assert.deepEqual(ids(claims({ ...google, email: 'gina@example.com' })), ['111122223333/ReadOnly']);
  assert.deepEqual(ids(claims({ ...google, email: 'gina@example.com', emailVerified: false })), []);
  assert.deepEqual(ids(claims({ ...google, email: 'x@evil.example', hostedDomain: 'example.com', emailVerified: false })), ['111122223333/ReadOnly']);
  assert.deepEqual(ids(claims({ ...google, email: 'gina@example.com.evil.example' })), []);
});

test('issue 12: an exact-email rule grants its role to that verified email at its IdPs, and to nobody else', () => {
  const withEmailRule = parseConfigText(EXAMPLE_CONFIG_YAML.replace('rules:\n', 'rules:\n  - { id: vendor, idps: [okta], emails: [Vera@Example.com], roles: [prod/Operator] }\n'));
  const held = (c: IdentityClaims) => evaluatePolicy(c, withEmailRule.rules, withEmailRule.roles).map((g) => `${g.role.id} ${g.grantedBy.map((m) => m.reason).join()}`);
  assert.deepEqual(held(claims({ email: 'vera@example.com' })), ['444455556666/Operator email vera@example.com']);
  assert.deepEqual(held(claims({ email: 'VERA@example.com' })), ['444455556666/Operator email vera@example.com'], 'case-insensitive');
  assert.deepEqual(held(claims({ email: 'vera@example.com', emailVerified: false })), [], 'unverified: an Okta user who typed vera’s address');
  assert.deepEqual(held(claims({ idpId: 'entra', email: 'vera@example.com' })), [], 'the rule’s idps scope it');
  assert.deepEqual(held(claims({ email: 'vera@example.com.evil' })), []);
  assert.deepEqual(held(claims({ email: 'vera@example.co' })), []);
});

test('findGrantedRole re-checks one role: held → role, not held or unknown → undefined', () => {
  const bob = claims({ groups: ['aws-prod-operators'] });
  assert.equal(findGrantedRole(bob, cfg.rules, cfg.roles, '444455556666/Operator')?.role.roleName, 'Operator');
  assert.equal(findGrantedRole(bob, cfg.rules, cfg.roles, '111122223333/Admin'), undefined);
  assert.equal(findGrantedRole(bob, cfg.rules, cfg.roles, '../../etc/passwd'), undefined);
});

test('globs are anchored, literal outside * and ?, and case-sensitive', () => {
  assert.ok(compileGlob('aws-*-admins')('aws-dev-admins'));
  assert.ok(!compileGlob('aws-*-admins')('xaws-dev-admins'));
  assert.ok(!compileGlob('aws.dev')('awsXdev'));
  assert.ok(compileGlob('team-?')('team-a') && !compileGlob('team-?')('team-ab'));
  assert.ok(!compileGlob('Admins')('admins'));
  assert.ok(!compileGlob('a(b|c)')('ab'));
});

test('issue 12 §8: an email-domain match names the domain, and a hosted domain counts whatever its case', () => {
  const google = { idpId: 'google', issuer: 'https://accounts.google.com' };
  const reasons = (c: IdentityClaims) => evaluatePolicy(c, cfg.rules, cfg.roles).map((g) => `${g.role.id} ${g.grantedBy.map((m) => `${m.ruleId}: ${m.reason}`).join()}`);
  assert.deepEqual(reasons(claims({ ...google, email: 'gina@example.com' })), ['111122223333/ReadOnly google-domain: domain example.com']);
  assert.deepEqual(reasons(claims({ ...google, hostedDomain: 'Example.COM' })), ['111122223333/ReadOnly google-domain: domain example.com']);
});

test('issue 12 §8: the domain of an email is what follows its LAST @', () => {
  const google = { idpId: 'google', issuer: 'https://accounts.google.com' };
  // A quoted local part may hold an @ (RFC 5321 §4.1.2): the mailbox is still at example.com ...
  assert.deepEqual(ids(claims({ ...google, email: '"gina@evil.example"@example.com' })), ['111122223333/ReadOnly']);
  // ... and an address at evil.example does not get example.com's roles by quoting it first.
  assert.deepEqual(ids(claims({ ...google, email: '"gina@example.com"@evil.example' })), []);
});
