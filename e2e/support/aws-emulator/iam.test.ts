/**
 * The emulator's IAM role inline policies and session revocation (AWS-FACTS §1.5), through the real
 * @aws-sdk/client-iam: a deny on older sessions cuts off credentials issued before its time (console
 * sign-in refused) while later ones work and GetCallerIdentity keeps answering, as on AWS.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeleteRolePolicyCommand, GetRolePolicyCommand, IAMClient, ListRolePoliciesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ACCOUNT, assertAwsError, credentialsOf, getSigninToken, ROLE, sessionJson, startHarness } from './test-helpers';

const ADMIN = { account: ACCOUNT, accessKeyId: 'AKIAEMULATORADMIN001', secretAccessKey: 'emulator-admin-secret-key-0123456789abcdef' };
const revokeOlder = (iso: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['*'], Resource: ['*'], Condition: { DateLessThan: { 'aws:TokenIssueTime': iso } } }] });

function iam(url: string, creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = ADMIN) {
  // A copy: the SDK writes bookkeeping ($source) into the credentials object it is given.
  return new IAMClient({ region: 'us-east-1', endpoint: url, maxAttempts: 1, credentials: { ...creds } });
}

test('PutRolePolicy AWSRevokeOlderSessions: older sessions lose the console, newer ones keep it, GetCallerIdentity still answers', async (t) => {
  let clock = Date.now();
  const h = await startHarness(t, { iamUsers: [ADMIN], now: () => clock });
  const old = credentialsOf(await h.assume());
  assert.equal((await getSigninToken(h, sessionJson(old))).status, 200);

  clock += 60_000;
  const cutoff = new Date(clock).toISOString();
  await iam(h.emulator.url).send(new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'AWSRevokeOlderSessions', PolicyDocument: revokeOlder(cutoff) }));
  clock += 1_000;
  const fresh = credentialsOf(await h.assume());

  assert.notEqual((await getSigninToken(h, sessionJson(old))).status, 200, 'the old session cannot reach the console');
  assert.equal((await getSigninToken(h, sessionJson(fresh))).status, 200, 'a session issued after the cutoff can');
  const who = await h.clientWith(old).send(new GetCallerIdentityCommand({}));
  assert.match(who.Arn ?? '', /assumed-role/, 'sts:GetCallerIdentity needs no permission, so a deny does not stop it');

  const got = await iam(h.emulator.url).send(new GetRolePolicyCommand({ RoleName: ROLE, PolicyName: 'AWSRevokeOlderSessions' }));
  assert.deepEqual(JSON.parse(decodeURIComponent(got.PolicyDocument ?? '')), JSON.parse(revokeOlder(cutoff)));
  assert.deepEqual((await iam(h.emulator.url).send(new ListRolePoliciesCommand({ RoleName: ROLE }))).PolicyNames, ['AWSRevokeOlderSessions']);
  await iam(h.emulator.url).send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: 'AWSRevokeOlderSessions' }));
  assert.equal((await getSigninToken(h, sessionJson(old))).status, 200, 'deleting the deny restores the old session');
});

test('IAM refuses what AWS refuses', async (t) => {
  const h = await startHarness(t, { iamUsers: [ADMIN] });
  const put = (over: Partial<{ RoleName: string; PolicyName: string; PolicyDocument: string }>, client = iam(h.emulator.url)) =>
    client.send(new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'p', PolicyDocument: revokeOlder('2031-01-01T00:00:00Z'), ...over }));
  await assertAwsError(put({ PolicyDocument: '{"Version":"2012-10-17"' }), { name: 'MalformedPolicyDocumentException', status: 400 });
  await assertAwsError(put({ PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}' }), { name: 'MalformedPolicyDocumentException', status: 400 });
  await assertAwsError(put({ PolicyDocument: '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}' }), { name: 'MalformedPolicyDocumentException', status: 400 });
  await assertAwsError(put({ RoleName: 'no-such-role' }), { name: 'NoSuchEntityException', status: 404, message: /no-such-role cannot be found/ });
  await assertAwsError(put({ PolicyName: 'bad name!' }), { name: 'ValidationError', status: 400 });
  const huge = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Sid: 'x'.repeat(10_300) }] });
  await assertAwsError(put({ PolicyDocument: huge }), { name: 'LimitExceededException', status: 409 });
  await assertAwsError(put({}, iam(h.emulator.url, { ...ADMIN, secretAccessKey: 'wrong-secret-wrong-secret-wrong-secret-00' })), { name: 'SignatureDoesNotMatch', status: 403 });
  await assertAwsError(put({}, iam(h.emulator.url, { ...ADMIN, accessKeyId: 'AKIAUNKNOWNKEY000001' })), { name: 'InvalidClientTokenId', status: 403 });
  const role = credentialsOf(await h.assume());
  const asRole = iam(h.emulator.url, { accessKeyId: role.AccessKeyId ?? '', secretAccessKey: role.SecretAccessKey ?? '', sessionToken: role.SessionToken ?? '' });
  await assertAwsError(put({}, asRole), { name: 'AccessDenied', status: 403, message: /not authorized to perform: iam:PutRolePolicy/ });
  await assertAwsError(iam(h.emulator.url).send(new GetRolePolicyCommand({ RoleName: ROLE, PolicyName: 'missing' })), { name: 'NoSuchEntityException', status: 404 });
  assert.deepEqual(h.emulator.rolePolicies.names(ACCOUNT, ROLE), [], 'nothing refused was stored');
});
