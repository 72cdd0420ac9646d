import { createHash } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  ACCOUNT,
  assertAwsError,
  credentialsOf,
  postForm,
  ROLE,
  startHarness,
} from './test-helpers';

const invalidTokenId = {
  name: 'InvalidClientTokenId',
  status: 403,
  message: /security token included in the request is invalid/,
};
const badSignature = {
  name: 'SignatureDoesNotMatch',
  status: 403,
  message: /does not match the signature you provided/,
};

test('GetCallerIdentity with issued credentials returns the assumed-role ARN', async (t) => {
  const h = await startHarness(t);
  const out = await h.assume();
  const me = await h.clientWith(credentialsOf(out)).send(new GetCallerIdentityCommand({}));
  assert.equal(me.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/alice`);
  assert.equal(me.Account, ACCOUNT);
  assert.equal(me.UserId, out.AssumedRoleUser?.AssumedRoleId);
});

test('tampered signature → SignatureDoesNotMatch', async (t) => {
  const h = await startHarness(t);
  const client = h.clientWith(credentialsOf(await h.assume()));
  // Runs after signing (finalizeRequest), just before the request is sent.
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string> };
      const auth = request.headers['authorization'] ?? '';
      request.headers['authorization'] = auth.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
      return next(args);
    },
    { step: 'deserialize', name: 'tamperSignature' },
  );
  await assertAwsError(client.send(new GetCallerIdentityCommand({})), badSignature);
});

test('body changed after signing → SignatureDoesNotMatch', async (t) => {
  const h = await startHarness(t);
  const client = h.clientWith(credentialsOf(await h.assume()));
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { body: string; headers: Record<string, string> };
      request.body = `${request.body}&Extra=1`;
      request.headers['content-length'] = String(Buffer.byteLength(request.body));
      // Keep the declared payload hash honest so only the signature check can catch the change.
      request.headers['x-amz-content-sha256'] = createHash('sha256')
        .update(request.body)
        .digest('hex');
      return next(args);
    },
    { step: 'deserialize', name: 'tamperBody' },
  );
  await assertAwsError(client.send(new GetCallerIdentityCommand({})), badSignature);
});

test('wrong secret key → SignatureDoesNotMatch', async (t) => {
  const h = await startHarness(t);
  const client = h.clientWith(credentialsOf(await h.assume()), { secretAccessKey: 'x'.repeat(40) });
  await assertAwsError(client.send(new GetCallerIdentityCommand({})), badSignature);
});

test('wrong session token → InvalidClientTokenId', async (t) => {
  const h = await startHarness(t);
  const first = credentialsOf(await h.assume());
  const second = credentialsOf(await h.assume());
  const client = h.clientWith(first, { sessionToken: second.SessionToken });
  await assertAwsError(client.send(new GetCallerIdentityCommand({})), invalidTokenId);
});

test('unknown access key id → InvalidClientTokenId', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const client = h.clientWith({ ...creds, AccessKeyId: 'ASIAAAAAAAAAAAAAAAAA' });
  await assertAwsError(client.send(new GetCallerIdentityCommand({})), invalidTokenId);
});

test('expired credentials → ExpiredToken', async (t) => {
  let now = Date.now();
  const h = await startHarness(t, { now: () => now });
  const creds = credentialsOf(await h.assume({ DurationSeconds: 900 }));
  now += 901_000;
  // The SDK signs with its own clock; keep it in step with the emulator's so only expiry is tested.
  const client = h.clientWith(creds, { clockOffsetMs: now - Date.now() });
  await assertAwsError(client.send(new GetCallerIdentityCommand({})), {
    name: 'ExpiredToken',
    status: 403,
    message: /^The security token included in the request is expired$/,
  });
});

test('request signed more than 15 minutes off → SignatureDoesNotMatch (signature expired)', async (t) => {
  const h = await startHarness(t);
  const client = h.clientWith(credentialsOf(await h.assume()), { clockOffsetMs: -20 * 60_000 });
  await assertAwsError(client.send(new GetCallerIdentityCommand({})), {
    name: 'SignatureDoesNotMatch',
    status: 403,
    message: /^Signature expired: \d{8}T\d{6}Z is now earlier than/,
  });
});

test('unsigned GetCallerIdentity → MissingAuthenticationToken', async (t) => {
  const h = await startHarness(t);
  const res = await postForm(h.emulator.url, 'Action=GetCallerIdentity&Version=2011-06-15');
  assert.equal(res.status, 403);
  assert.match(await res.text(), /<Code>MissingAuthenticationToken<\/Code>/);
});
