import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DecodeAuthorizationMessageCommand, type Credentials } from '@aws-sdk/client-sts';
import {
  ACCOUNT,
  assertAwsError,
  credentialsOf,
  postForm,
  ROLE,
  startHarness,
  type Harness,
} from './test-helpers';
import { ec2Call, ec2Error, encodedMessageOf } from './test-ec2';

const INSTANCE = 'i-0123456789abcdef0';
const invalidMessage = {
  name: 'InvalidAuthorizationMessageException',
  status: 400,
  message: /^The encoded authorization message is invalid\.$/,
};

async function deniedStop(h: Harness, creds: Credentials): Promise<string> {
  const answer = await ec2Call(h.emulator.url, creds, {
    Action: 'StopInstances',
    'InstanceId.1': INSTANCE,
  });
  return encodedMessageOf(ec2Error(answer).message);
}

const decode = (h: Harness, creds: Credentials, message: string) =>
  h.clientWith(creds).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: message }));

interface DecodedDocument {
  context: {
    principal: unknown;
    action: string;
    resource: string;
    conditions: { items: unknown[] };
  };
}

test('DecodeAuthorizationMessage returns the denial as AWS JSON to any session of the account', async (t) => {
  const h = await startHarness(t);
  const assumed = await h.assume();
  const creds = credentialsOf(assumed);
  const encoded = await deniedStop(h, creds);
  const own = (await decode(h, creds, encoded)).DecodedMessage ?? '';
  const other = credentialsOf(await h.assume({ RoleSessionName: 'bob' }));
  assert.equal((await decode(h, other, encoded)).DecodedMessage, own, 'same for every session');

  const doc = JSON.parse(own) as DecodedDocument;
  const { conditions, ...context } = doc.context;
  assert.deepEqual(
    { ...doc, context },
    {
      allowed: false,
      explicitDeny: false,
      matchedStatements: { items: [] },
      failures: { items: [] },
      context: {
        principal: {
          id: assumed.AssumedRoleUser?.AssumedRoleId,
          arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/alice`,
        },
        action: 'ec2:StopInstances',
        resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/${INSTANCE}`,
      },
    },
  );
  assert.deepEqual(conditions.items.slice(0, 3), [
    { key: 'aws:Region', values: { items: [{ value: 'eu-west-1' }] } },
    { key: 'ec2:Region', values: { items: [{ value: 'eu-west-1' }] } },
    { key: 'aws:PrincipalAccount', values: { items: [{ value: ACCOUNT }] } },
  ]);
});

test('garbage, a changed character, a line break or a truncation → InvalidAuthorizationMessageException (400)', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const encoded = await deniedStop(h, creds);
  const flipped = encoded.slice(0, 40) + (encoded[40] === 'A' ? 'B' : 'A') + encoded.slice(41);
  const broken = `${encoded.slice(0, 60)}\n${encoded.slice(60)}`;
  for (const message of ['not-a-message', flipped, broken, encoded.slice(0, -4), 'A'.repeat(200)]) {
    await assertAwsError(decode(h, creds, message), invalidMessage);
  }
});

test('EncodedMessage outside 1–10240 characters → ValidationError', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  await assertAwsError(decode(h, creds, ''), {
    name: 'ValidationError',
    status: 400,
    message:
      /^1 validation error detected: Value '\*\*\*' at 'encodedMessage' failed to satisfy constraint: Member must have length greater than or equal to 1$/,
  });
  await assertAwsError(decode(h, creds, 'A'.repeat(10241)), {
    name: 'ValidationError',
    status: 400,
    message: /Member must have length less than or equal to 10240$/,
  });
});

test('DecodeAuthorizationMessage is SigV4-authenticated: unsigned, wrong secret, unknown key', async (t) => {
  const h = await startHarness(t);
  const creds = credentialsOf(await h.assume());
  const encoded = await deniedStop(h, creds);
  const unsigned = await postForm(
    h.emulator.url,
    new URLSearchParams({
      Action: 'DecodeAuthorizationMessage',
      Version: '2011-06-15',
      EncodedMessage: encoded,
    }),
  );
  assert.equal(unsigned.status, 403);
  assert.match(await unsigned.text(), /<Code>MissingAuthenticationToken<\/Code>/);
  const wrongSecret = h.clientWith(creds, { secretAccessKey: 'x'.repeat(40) });
  await assertAwsError(
    wrongSecret.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded })),
    {
      name: 'SignatureDoesNotMatch',
      status: 403,
    },
  );
  await assertAwsError(decode(h, { ...creds, AccessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }, encoded), {
    name: 'InvalidClientTokenId',
    status: 403,
  });
});

test('a revoked session may not decode (AccessDenied), a live one still may', async (t) => {
  let revokedKey = '';
  const h = await startHarness(t, { isRevoked: (c) => c.accessKeyId === revokedKey });
  const creds = credentialsOf(await h.assume());
  const live = credentialsOf(await h.assume({ RoleSessionName: 'carol' }));
  const encoded = await deniedStop(h, creds);
  revokedKey = creds.AccessKeyId ?? '';
  await assertAwsError(decode(h, creds, encoded), {
    name: 'AccessDenied',
    status: 403,
    message: new RegExp(
      `^User: arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/alice is not authorized to perform: sts:DecodeAuthorizationMessage with an explicit deny`,
    ),
  });
  assert.ok((await decode(h, live, encoded)).DecodedMessage);
});
