/** Session policies on AssumeRoleWithWebIdentity (Policy, PolicyArns), checked as STS checks them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNT, assertAwsError, credentialsOf, startHarness } from './test-helpers';

const scopeDown = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

test('a valid session policy and managed ARNs are accepted and kept with the session', async (t) => {
  const h = await startHarness(t);
  const arns = ['arn:aws:iam::aws:policy/ReadOnlyAccess', `arn:aws:iam::${ACCOUNT}:policy/team/scope`];
  const out = await h.assume({ Policy: scopeDown, PolicyArns: arns.map((arn) => ({ arn })) });
  const cred = h.emulator.credentials.get(credentialsOf(out).AccessKeyId ?? '');
  assert.equal(cred?.sessionPolicy, scopeDown);
  assert.deepEqual(cred?.policyArns, arns);
});

test('STS refuses malformed, oversized and foreign session policies', async (t) => {
  const h = await startHarness(t);
  await assertAwsError(h.assume({ Policy: '{"Version":"2012-10-17"' }), { name: 'MalformedPolicyDocumentException', status: 400 });
  await assertAwsError(h.assume({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] }) }), { name: 'MalformedPolicyDocumentException', status: 400 });
  await assertAwsError(h.assume({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Sid: 'x'.repeat(2100) }] }) }), { name: 'ValidationError', status: 400, message: /policy/ });
  await assertAwsError(h.assume({ Policy: scopeDown.replace('s3:GetObject', 's3:Get\u2028Object') }), { name: 'ValidationError', status: 400 });
  const eleven = Array.from({ length: 11 }, (_, i) => ({ arn: `arn:aws:iam::aws:policy/P${i}` }));
  await assertAwsError(h.assume({ PolicyArns: eleven }), { name: 'ValidationError', status: 400, message: /policyArns/ });
  await assertAwsError(h.assume({ PolicyArns: [{ arn: 'arn:aws:iam::999988887777:policy/theirs' }] }), { name: 'AccessDenied', status: 403 });
  await assertAwsError(h.assume({ PolicyArns: [{ arn: 'not-an-arn-but-long-enough' }] }), { name: 'ValidationError', status: 400 });
  assert.equal(h.emulator.credentials.all().length, 0, 'nothing was issued');
});
