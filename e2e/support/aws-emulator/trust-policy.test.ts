import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TrustPolicy } from './config';
import { conditionsMatch, globToRegExp, type ConditionBlock } from './policy-condition';
import { evaluateTrustPolicy, webIdentityContext } from './trust-policy';

const URL = 'idp.example.com/tenant';
const ARN = `arn:aws:iam::111122223333:oidc-provider/${URL}`;
const context = webIdentityContext({
  providerUrl: URL,
  audience: 'sts.amazonaws.com',
  subject: 'user-123',
  amr: ['authenticated', 'mfa'],
  roleSessionName: 'alice',
  tags: [],
  transitiveTagKeys: [],
});
const match = (block: ConditionBlock): boolean => conditionsMatch(block, context);
const policy = (...Statement: TrustPolicy['Statement']): TrustPolicy => ({ Statement });
const request = (action = 'sts:AssumeRoleWithWebIdentity') => ({
  action,
  federatedPrincipal: ARN,
  context,
});

test('globs: * and ? are wildcards, other characters literal', () => {
  assert.ok(globToRegExp('user-*').test('user-123'));
  assert.ok(globToRegExp('user-?23').test('user-123'));
  assert.ok(!globToRegExp('user-?').test('user-123'));
  assert.ok(!globToRegExp('a.b').test('axb'));
});

test('string operators, condition keys case-insensitive', () => {
  assert.ok(match({ StringEquals: { [`${URL}:aud`]: 'sts.amazonaws.com' } }));
  assert.ok(match({ StringEquals: { [`${URL.toUpperCase()}:SUB`]: ['x', 'user-123'] } }));
  assert.ok(!match({ StringEquals: { [`${URL}:sub`]: 'USER-123' } }));
  assert.ok(match({ StringLike: { [`${URL}:sub`]: 'user-*' } }));
  assert.ok(!match({ StringNotEquals: { [`${URL}:sub`]: ['user-123', 'x'] } }));
  assert.ok(match({ StringNotEquals: { [`${URL}:sub`]: 'someone-else' } }));
  assert.ok(
    !match({ StringEquals: { [`${URL}:aud`]: 'sts.amazonaws.com', [`${URL}:sub`]: 'nope' } }),
  );
});

test('set operators on the multi-valued amr key', () => {
  assert.ok(match({ 'ForAnyValue:StringLike': { [`${URL}:amr`]: 'mf?' } }));
  assert.ok(!match({ 'ForAnyValue:StringLike': { [`${URL}:amr`]: 'unauthenticated' } }));
  assert.ok(
    match({ 'ForAllValues:StringEquals': { [`${URL}:amr`]: ['authenticated', 'mfa', 'pwd'] } }),
  );
  assert.ok(!match({ 'ForAllValues:StringEquals': { [`${URL}:amr`]: ['authenticated'] } }));
});

test('missing keys: positive operators fail, negated / ForAllValues / IfExists hold', () => {
  const missing = 'idp.example.com/tenant:oaud';
  assert.ok(!match({ StringEquals: { [missing]: 'x' } }));
  assert.ok(match({ StringNotEquals: { [missing]: 'x' } }));
  assert.ok(match({ 'ForAllValues:StringEquals': { [missing]: 'x' } }));
  assert.ok(!match({ 'ForAnyValue:StringEquals': { [missing]: 'x' } }));
  assert.ok(match({ StringEqualsIfExists: { [missing]: 'x' } }));
});

test('principal and action matching; explicit Deny wins; nothing allowed is an implicit deny', () => {
  const allow = {
    Effect: 'Allow' as const,
    Principal: { Federated: ['other', ARN] },
    Action: 'sts:*',
  };
  const deny = { Effect: 'Deny' as const, Principal: { Federated: ARN }, Action: 'sts:TagSession' };
  assert.equal(evaluateTrustPolicy(policy(allow), request()), 'allow');
  assert.equal(evaluateTrustPolicy(policy(allow, deny), request()), 'allow');
  assert.equal(
    evaluateTrustPolicy(policy(allow, deny), request('sts:TagSession')),
    'explicit-deny',
  );
  assert.equal(
    evaluateTrustPolicy(policy({ ...allow, Action: '*' }), request('STS:SetSourceIdentity')),
    'allow',
  );
  assert.equal(
    evaluateTrustPolicy(policy({ ...allow, Action: 'sts:AssumeRole' }), request()),
    'implicit-deny',
  );
  assert.equal(
    evaluateTrustPolicy(policy({ ...allow, Principal: { Federated: 'other' } }), request()),
    'implicit-deny',
  );
  assert.equal(
    evaluateTrustPolicy(policy({ ...allow, Principal: { AWS: ARN } }), request()),
    'implicit-deny',
  );
  assert.equal(
    evaluateTrustPolicy(
      policy({ ...allow, NotAction: 'sts:TagSession', Action: undefined }),
      request(),
    ),
    'allow',
  );
});
