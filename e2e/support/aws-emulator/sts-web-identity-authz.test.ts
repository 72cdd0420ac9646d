import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TrustPolicyInput } from './config';
import {
  ACCOUNT,
  assertAwsError,
  credentialsOf,
  defaultTrustPolicy,
  mintToken,
  postForm,
  ROLE,
  startHarness,
  type TestIssuer,
} from './test-helpers';

const accessDenied = {
  name: 'AccessDenied',
  status: 403,
  message: /Not authorized to perform sts:AssumeRoleWithWebIdentity/,
};
const validation = (message: RegExp) => ({ name: 'ValidationError', status: 400, message });
const withPolicy = (policy: (i: TestIssuer) => TrustPolicyInput, maxSessionDuration?: number) => ({
  roles: (i: TestIssuer) => [{ name: ROLE, maxSessionDuration, trustPolicy: policy(i) }],
});

test('default duration is 3600 s and a longer one up to the role maximum is allowed', async (t) => {
  const h = await startHarness(t, withPolicy(defaultTrustPolicy, 7200));
  const dflt = credentialsOf(await h.assume());
  assert.ok(Math.abs((dflt.Expiration?.getTime() ?? 0) - Date.now() - 3600_000) < 5000);
  const long = credentialsOf(await h.assume({ DurationSeconds: 7200 }));
  assert.ok(Math.abs((long.Expiration?.getTime() ?? 0) - Date.now() - 7200_000) < 5000);
});

test('role not found → AccessDenied', async (t) => {
  const h = await startHarness(t);
  await assertAwsError(h.assume({ RoleArn: h.roleArn('no-such-role') }), accessDenied);
});

test('trust policy sub condition mismatch → AccessDenied', async (t) => {
  const h = await startHarness(t);
  const token = await mintToken(h.issuer, { claims: { sub: 'robot-7' } });
  await assertAwsError(h.assume({ WebIdentityToken: token }), accessDenied);
});

test('trust policy for a different provider → AccessDenied', async (t) => {
  const other = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
  const h = await startHarness(
    t,
    withPolicy(() => ({
      Statement: {
        Effect: 'Allow',
        Principal: { Federated: other },
        Action: 'sts:AssumeRoleWithWebIdentity',
      },
    })),
  );
  await assertAwsError(h.assume(), accessDenied);
});

test('an explicit Deny statement wins over the Allow → AccessDenied', async (t) => {
  const h = await startHarness(
    t,
    withPolicy((i) => {
      const deny = {
        Effect: 'Deny' as const,
        Principal: { Federated: [i.providerArn] },
        Action: 'sts:*',
      };
      return { Version: '2012-10-17', Statement: [...defaultTrustPolicy(i).Statement, deny] };
    }),
  );
  await assertAwsError(h.assume(), accessDenied);
});

test('DurationSeconds above the role maximum → ValidationError with AWS text', async (t) => {
  const h = await startHarness(t);
  await assertAwsError(
    h.assume({ DurationSeconds: 7200 }),
    validation(
      /^The requested DurationSeconds exceeds the MaxSessionDuration set for this role\.$/,
    ),
  );
});

test('DurationSeconds below 900 → ValidationError', async (t) => {
  const h = await startHarness(t);
  await assertAwsError(
    h.assume({ DurationSeconds: 899 }),
    validation(/durationSeconds.*greater than or equal to 900/),
  );
});

test('bad RoleSessionName → ValidationError', async (t) => {
  const h = await startHarness(t);
  await assertAwsError(
    h.assume({ RoleSessionName: 'alice smith' }),
    validation(/roleSessionName.*regular expression/),
  );
  await assertAwsError(
    h.assume({ RoleSessionName: 'a' }),
    validation(/roleSessionName.*length greater than or equal to 2/),
  );
});

test('unknown Action → InvalidAction', async (t) => {
  const h = await startHarness(t);
  const res = await postForm(h.emulator.url, 'Action=AssumeRoleWithCheese&Version=2011-06-15');
  assert.equal(res.status, 400);
  const body = await res.text();
  assert.match(body, /<Code>InvalidAction<\/Code>/);
  assert.match(body, /<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
});
