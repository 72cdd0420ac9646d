import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthorizationMessages, type DeniedRequest } from './authorization-message';
import { AwsError } from './aws-error';

const DENIED: DeniedRequest = {
  account: '111122223333',
  principal: {
    id: 'AROAEXAMPLEEXAMPLE123:alice',
    arn: 'arn:aws:sts::111122223333:assumed-role/Admin/alice',
  },
  action: 'ec2:RunInstances',
  resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/*',
  conditions: [{ key: 'ec2:InstanceType', values: ['t3.micro', 'm5.large'] }],
};

function assertInvalid(fn: () => unknown): void {
  assert.throws(
    fn,
    (e: unknown) =>
      e instanceof AwsError &&
      e.code === 'InvalidAuthorizationMessageException' &&
      e.status === 400,
  );
}

test("an encoded message is URL-safe base64 and decodes to AWS's document with condition values as items", () => {
  const codec = new AuthorizationMessages();
  const encoded = codec.encode(DENIED);
  assert.match(encoded, /^[\w-]{100,}$/);
  assert.doesNotMatch(encoded, /RunInstances|alice/, 'opaque: nothing readable without STS');
  assert.deepEqual(JSON.parse(codec.decode(encoded, '111122223333')), {
    allowed: false,
    explicitDeny: false,
    matchedStatements: { items: [] },
    failures: { items: [] },
    context: {
      principal: DENIED.principal,
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/*',
      conditions: {
        items: [
          {
            key: 'ec2:InstanceType',
            values: { items: [{ value: 't3.micro' }, { value: 'm5.large' }] },
          },
        ],
      },
    },
  });
});

test("another account's caller, another emulator's message, padding and foreign characters are invalid", () => {
  const codec = new AuthorizationMessages();
  const encoded = codec.encode(DENIED);
  assertInvalid(() => codec.decode(encoded, '444455556666'));
  assertInvalid(() => new AuthorizationMessages().decode(encoded, '111122223333'));
  assertInvalid(() => codec.decode(`${encoded}=`, '111122223333'));
  assertInvalid(() => codec.decode(`+${encoded.slice(1)}`, '111122223333'));
  assertInvalid(() => codec.decode(' ', '111122223333'));
});
