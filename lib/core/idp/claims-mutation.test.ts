/**
 * Rules of claims.ts that only mutation testing showed unguarded (issue 12 §8): each test names the rule
 * it guards, and each fails when that rule is changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { GatewayError } from '../errors';
import { hasEntraGroupsOverage, isDistributedClaim, normalizeClaims, type RawClaims } from './claims';

const cfg = parseConfigText(
  EXAMPLE_CONFIG_YAML.replace(
    'idps:\n',
    'idps:\n  - { id: corp, preset: generic, name: Corp, issuer: https://sso.corp.example, clientId: c1, emailClaim: upn, nameClaim: display }\n',
  ),
);
const idp = (id: string) => {
  const found = cfg.idps.find((i) => i.id === id);
  assert.ok(found);
  return found;
};
const ISS: Record<string, string> = {
  okta: 'https://example.okta.com',
  google: 'https://accounts.google.com',
  entra: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0',
  corp: 'https://sso.corp.example',
};
const claims = (id: string, raw: RawClaims) => normalizeClaims(idp(id), { iss: ISS[id], sub: 's1', ...raw });
const rejects = (fn: () => unknown, code: string, message?: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof GatewayError && e.code === code && (!message || message.test(e.message)));

test('an email is verified only when email_verified is the boolean true, never the string "false"', () => {
  for (const id of ['okta', 'google']) {
    const base = { email: 'alice@example.com', hd: 'example.com' };
    assert.equal(claims(id, { ...base, email_verified: 'false' }).emailVerified, false, id);
    assert.equal(claims(id, { ...base, email_verified: 'true' }).emailVerified, false, id);
    assert.equal(claims(id, { ...base, email_verified: true }).emailVerified, true, id);
  }
});

test('preferred_username is the email for Entra only, and only when there is no email claim', () => {
  const pu = { preferred_username: 'alice@example.com', email_verified: true, hd: 'example.com' };
  for (const id of ['okta', 'google', 'corp']) {
    const c = claims(id, pu);
    assert.deepEqual([c.email, c.emailVerified], [undefined, false], id);
  }
  assert.equal(claims('entra', pu).email, 'alice@example.com');
  const both = claims('entra', { email: 'Dana@Contoso.example', preferred_username: 'other@contoso.example' });
  assert.deepEqual([both.email, both.emailVerified], ['dana@contoso.example', false]);
  assert.equal(claims('entra', { preferred_username: 'Dana@Contoso.example' }).email, 'dana@contoso.example');
  const none = claims('entra', {});
  assert.deepEqual([none.email, none.emailVerified], [undefined, false]);
});

test('Google identities carry no groups, whatever groups or roles claim the token has', () => {
  // `undefined` too: the name a claim lookup would use if Google were read like a generic IdP (no groupsClaim).
  const g = claims('google', { hd: 'example.com', groups: ['aws-dev-admins'], roles: ['AwsAuditor'], undefined: ['aws-x'], hasgroups: true });
  assert.deepEqual(g.groups, []);
});

test('an empty or non-string claim counts as absent (sub, email, name, hd)', () => {
  rejects(() => claims('okta', { sub: '' }), 'OIDC_CLAIMS_INVALID');
  rejects(() => claims('okta', { sub: ['s1'] }), 'OIDC_CLAIMS_INVALID');
  rejects(() => claims('okta', { sub: 42 }), 'OIDC_CLAIMS_INVALID');
  rejects(() => normalizeClaims(idp('okta'), { iss: [ISS.okta], sub: 's1' }), 'OIDC_ISSUER_MISMATCH');
  const c = claims('okta', { email: '', email_verified: true, name: '' });
  assert.deepEqual([c.email, c.emailVerified, c.name], [undefined, false, undefined]);
  assert.equal(claims('okta', { email: ['a@example.com'], email_verified: true }).email, undefined);
  rejects(() => claims('google', { hd: '' }), 'OIDC_DOMAIN_NOT_ALLOWED');
  rejects(() => claims('google', { hd: ['example.com'] }), 'OIDC_DOMAIN_NOT_ALLOWED');
});

test('a groups claim may be one string; non-string members and non-list values are dropped', () => {
  assert.deepEqual(claims('okta', { groups: 'aws-dev-admins' }).groups, ['aws-dev-admins']);
  assert.deepEqual(claims('okta', { groups: ['a', 5, null, { x: 1 }, 'b'] }).groups, ['a', 'b']);
  assert.deepEqual(claims('okta', { groups: 5 }).groups, []);
  assert.deepEqual(claims('okta', { groups: { a: 'b' } }).groups, []);
  assert.deepEqual(claims('okta', {}).groups, []);
  assert.deepEqual(claims('corp', { groups: 'ops' }).groups, ['ops']);
  assert.deepEqual(claims('entra', { groups: '9f1c1a2e-0000-4000-8000-000000000001', roles: 'AwsAuditor' }).groups, [
    'aws-prod-operators',
    'AwsAuditor',
  ]);
});

test('Entra groups overage: hasgroups true or "true", or a _claim_names object naming groups', () => {
  assert.equal(hasEntraGroupsOverage({ hasgroups: true }), true);
  assert.equal(hasEntraGroupsOverage({ hasgroups: 'true' }), true);
  assert.equal(hasEntraGroupsOverage({ _claim_names: { groups: 'src1' } }), true);
  assert.equal(hasEntraGroupsOverage({}), false);
  assert.equal(hasEntraGroupsOverage({ hasgroups: false, _claim_names: {} }), false);
  assert.equal(hasEntraGroupsOverage({ hasgroups: 'false' }), false);
  assert.equal(hasEntraGroupsOverage({ _claim_names: null }), false);
  assert.equal(hasEntraGroupsOverage({ _claim_names: 'groups' }), false);
  assert.equal(hasEntraGroupsOverage({ _claim_names: { roles: 'src1' } }), false);
  rejects(() => claims('entra', { sub: 'e9', hasgroups: 'true' }), 'OIDC_GROUPS_OVERAGE', /sub e9$/);
  rejects(() => claims('entra', { sub: 's1', hasgroups: true, _claim_names: null }), 'OIDC_GROUPS_OVERAGE');
  assert.deepEqual(claims('okta', { hasgroups: true, groups: ['a'] }).groups, ['a'], 'overage is an Entra signal only');
});

test('the error a log shows names the issuer, the sub or the Google hd that was refused', () => {
  rejects(() => normalizeClaims(idp('okta'), { iss: 'https://evil.example', sub: '1' }), 'OIDC_ISSUER_MISMATCH', /^expected iss https:\/\/example\.okta\.com, got https:\/\/evil\.example$/);
  rejects(() => normalizeClaims(idp('okta'), { sub: '1' }), 'OIDC_ISSUER_MISMATCH', /got \(none\)$/);
  rejects(() => normalizeClaims(idp('okta'), { iss: ISS.okta }), 'OIDC_CLAIMS_INVALID', /^ID token has no sub$/);
  rejects(() => claims('google', { hd: 'other.example' }), 'OIDC_DOMAIN_NOT_ALLOWED', /^Google hd other\.example not allowed$/);
  rejects(() => claims('google', {}), 'OIDC_DOMAIN_NOT_ALLOWED', /^Google hd \(none\) not allowed$/);
  rejects(() => normalizeClaims(idp('entra'), { iss: ISS.entra, hasgroups: true, sub: 'x' }), 'OIDC_GROUPS_OVERAGE', /^Entra groups overage for sub x$/);
});

test('the Google hd is compared and kept lower-cased', () => {
  const g = claims('google', { hd: 'Example.COM' });
  assert.equal(g.hostedDomain, 'example.com');
});

test('issue 12 §1: an hd claim counts only from Google, which verifies it; from any other IdP it is dropped', () => {
  // Elsewhere `hd` is just a claim the IdP (or its users) may set: kept, it matched emailDomains rules
  // for a person whose email is unverified.
  assert.equal(claims('okta', { hd: 'corp.example' }).hostedDomain, undefined);
  assert.equal(claims('corp', { hd: 'corp.example' }).hostedDomain, undefined);
  assert.equal(claims('entra', { hd: 'corp.example' }).hostedDomain, undefined);
});

test('the name comes from the generic IdP’s nameClaim, and from `name` for the presets', () => {
  assert.equal(claims('corp', { display: 'Alice A', name: 'Mallory' }).name, 'Alice A');
  assert.equal(claims('okta', { display: 'Alice A', name: 'Alice O' }).name, 'Alice O');
});

test('extra keeps the string claims only, for rules on custom claims', () => {
  const c = claims('okta', { department: 'ops', level: 3, admin: true, groups: ['a'] });
  assert.deepEqual(c.extra, { iss: ISS.okta, sub: 's1', department: 'ops' });
  assert.deepEqual([c.idpId, c.issuer, c.subject], ['okta', ISS.okta, 's1']);
});

test('issue 13 §4: a generic or Okta IdP that sends its groups claim as a distributed claim is an overage, not "no roles"', () => {
  const distributed = { _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://sso.corp.example/groups' } } };
  rejects(() => claims('corp', { groups: ['partial'], ...distributed }), 'OIDC_GROUPS_OVERAGE', /^distributed groups claim for sub s1$/);
  rejects(() => claims('okta', distributed), 'OIDC_GROUPS_OVERAGE');
  rejects(() => normalizeClaims(idp('corp'), { iss: ISS.corp, ...distributed }), 'OIDC_CLAIMS_INVALID', /^ID token has no sub$/);
  // Only the claim Rolegate reads counts: another distributed claim, or a reference that is not an object, is no overage.
  assert.deepEqual(claims('corp', { groups: ['a'], _claim_names: { address: 'src1' } }).groups, ['a']);
  assert.deepEqual(claims('corp', { groups: ['a'], _claim_names: 'groups' }).groups, ['a']);
  assert.deepEqual(claims('corp', { groups: ['a'], _claim_names: null }).groups, ['a']);
  // An inherited name is not a claim the token names (Object.hasOwn, not `in`).
  assert.equal(isDistributedClaim({ _claim_names: {} }, 'toString'), false);
  assert.equal(isDistributedClaim({ _claim_names: { groups: 'src1' } }, 'groups'), true);
  // Google has no groups claim: nothing is read, so nothing can overflow.
  assert.deepEqual(claims('google', { email: 'g@example.com', hd: 'example.com', ...distributed }).groups, []);
});

test('issue 13 §4: a distributed groups claim under a configured groups claim name is caught under that name', () => {
  const custom = parseConfigText(EXAMPLE_CONFIG_YAML.replace('idps:\n', 'idps:\n  - { id: ping, preset: generic, name: Ping, issuer: https://ping.example, clientId: c2, groupsClaim: memberOf }\n'));
  const ping = custom.idps.find((i) => i.id === 'ping');
  assert.ok(ping);
  rejects(() => normalizeClaims(ping, { iss: 'https://ping.example', sub: 'p1', _claim_names: { memberOf: 'src1' } }), 'OIDC_GROUPS_OVERAGE', /^distributed memberOf claim for sub p1$/);
  assert.deepEqual(normalizeClaims(ping, { iss: 'https://ping.example', sub: 'p1', memberOf: ['ops'], _claim_names: { groups: 'src1' } }).groups, ['ops']);
});
