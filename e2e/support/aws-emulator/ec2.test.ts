import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT, credentialsOf, ROLE, startHarness } from './test-helpers';
import { ec2Call, ec2Error, encodedMessageOf } from './test-ec2';

const INSTANCE = 'i-0123456789abcdef0';

test('EC2 StopInstances is UnauthorizedOperation (403) naming caller, action and resource, plus an encoded message', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const answer = await ec2Call(h.emulator.url, creds, {
    Action: 'StopInstances',
    'InstanceId.1': INSTANCE,
  });
  assert.equal(answer.status, 403);
  assert.match(
    answer.text,
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>/,
  );
  assert.match(answer.text, /<RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>\n$/);
  const { code, message } = ec2Error(answer);
  assert.equal(code, 'UnauthorizedOperation');
  const resource = `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/${INSTANCE}`;
  assert.equal(
    message.replace(/[\w-]+$/, '<encoded>'),
    `You are not authorized to perform this operation. User: arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/alice is not authorized to perform: ec2:StopInstances on resource: ${resource} because no identity-based policy allows the ec2:StopInstances action. Encoded authorization failure message: <encoded>`,
  );
  assert.ok(encodedMessageOf(message).length > 100);
  assert.equal(h.emulator.requests.ec2, 1);
  assert.equal(h.emulator.requests.sts, 1, 'only the assume call went to STS');
});

test('two denials of the same request give different encoded messages (fresh IV each time)', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const call = async () =>
    encodedMessageOf(
      ec2Error(await ec2Call(h.emulator.url, creds, { Action: 'DescribeVpcs' })).message,
    );
  assert.notEqual(await call(), await call());
});

test('EC2 refuses an unsigned request, STS-scoped signatures and unknown keys before deciding anything', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const unsigned = await ec2Call(
    h.emulator.url,
    creds,
    { Action: 'StopInstances' },
    { unsigned: true },
  );
  assert.deepEqual([unsigned.status, ec2Error(unsigned).code], [403, 'MissingAuthenticationToken']);
  const stsScoped = await ec2Call(
    h.emulator.url,
    creds,
    { Action: 'StopInstances' },
    { service: 'sts' },
  );
  assert.equal(stsScoped.status, 403);
  assert.deepEqual(ec2Error(stsScoped), {
    code: 'SignatureDoesNotMatch',
    message: 'Credential should be scoped to correct service: &apos;ec2&apos;.',
  });
  const unknown = await ec2Call(
    h.emulator.url,
    { ...creds, AccessKeyId: 'ASIAAAAAAAAAAAAAAAAA' },
    { Action: 'StopInstances' },
  );
  assert.deepEqual([unknown.status, ec2Error(unknown).code], [403, 'InvalidClientTokenId']);
  assert.doesNotMatch(unknown.text, /Encoded authorization failure message/);
});

test('a malformed EC2 action name is InvalidAction (400)', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const answer = await ec2Call(h.emulator.url, creds, { Action: 'stop-instances' });
  assert.equal(answer.status, 400);
  assert.deepEqual(ec2Error(answer), {
    code: 'InvalidAction',
    message: 'The action stop-instances is not valid for this web service.',
  });
});
