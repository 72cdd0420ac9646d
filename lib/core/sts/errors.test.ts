import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ExpiredTokenException,
  IDPCommunicationErrorException,
  IDPRejectedClaimException,
  InvalidIdentityTokenException,
  MalformedPolicyDocumentException,
  PackedPolicyTooLargeException,
  RegionDisabledException,
} from '@aws-sdk/client-sts';
import { GatewayError, publicView, type GatewayErrorCode } from '../errors';
import { mapStsError } from './errors';

// Text an attacker or AWS could put in an error message: it must reach the logs (cause), never the user.
const AWS_TEXT = 'secret-ish AWS text: arn:aws:iam::111122223333:role/admin <script>x</script>';

/** An error as the SDK throws it for an error code it has no class for: `name` is AWS's `<Code>`. */
function awsError(name: string, message = AWS_TEXT): Error {
  const err = new Error(message);
  err.name = name;
  return err;
}

/** Asserts the mapping, that the cause is kept, and that nothing of the AWS message is shown to users. */
function assertMapped(err: unknown, code: GatewayErrorCode): GatewayError {
  const mapped = mapStsError(err);
  assert.ok(mapped instanceof GatewayError);
  assert.equal(mapped.code, code);
  assert.equal(mapped.cause, err, 'the original error stays in the cause (for the logs)');
  const view = publicView(mapped);
  assert.equal(view.code, code, `${code} is client-safe`);
  assert.equal(view.detail, undefined);
  assert.ok(!view.message.includes(AWS_TEXT), 'public message must not contain the AWS message');
  assert.ok(!view.message.includes('111122223333'), 'public message must not leak the ARN');
  assert.ok(!JSON.stringify(view).includes('<script>'), 'no AWS text anywhere in the public view');
  return mapped;
}

// Every entry of the mapping table, by the name the SDK gives the error (AWS-FACTS §1.1 "Errors").
const BY_NAME: [string, GatewayErrorCode][] = [
  ['InvalidIdentityTokenException', 'STS_TOKEN_INVALID'],
  ['InvalidIdentityToken', 'STS_TOKEN_INVALID'],
  ['ExpiredTokenException', 'STS_TOKEN_EXPIRED'],
  ['IDPCommunicationErrorException', 'STS_IDP_UNREACHABLE'],
  ['IDPCommunicationError', 'STS_IDP_UNREACHABLE'],
  ['IDPRejectedClaimException', 'STS_DENIED'],
  ['AccessDenied', 'STS_DENIED'],
  ['AccessDeniedException', 'STS_DENIED'],
  ['RegionDisabledException', 'STS_REGION_DISABLED'],
  ['MalformedPolicyDocumentException', 'AWS_VALUE_INVALID'],
  ['PackedPolicyTooLargeException', 'AWS_VALUE_INVALID'],
];

for (const [name, code] of BY_NAME) {
  test(`${name} → ${code}`, () => {
    const mapped = assertMapped(awsError(name), code);
    assert.match(
      mapped.message,
      new RegExp(`^STS ${name}: `),
      'the internal message names the AWS error',
    );
  });
}

test('the SDK’s own exception classes map by their name', () => {
  const opts = { message: AWS_TEXT, $metadata: { httpStatusCode: 400, requestId: 'req-1' } };
  const cases: [Error, GatewayErrorCode][] = [
    [new InvalidIdentityTokenException(opts), 'STS_TOKEN_INVALID'],
    [new ExpiredTokenException(opts), 'STS_TOKEN_EXPIRED'],
    [new IDPCommunicationErrorException(opts), 'STS_IDP_UNREACHABLE'],
    [new IDPRejectedClaimException({ ...opts, $metadata: { httpStatusCode: 403 } }), 'STS_DENIED'],
    [
      new RegionDisabledException({ ...opts, $metadata: { httpStatusCode: 403 } }),
      'STS_REGION_DISABLED',
    ],
    [new MalformedPolicyDocumentException(opts), 'AWS_VALUE_INVALID'],
    [new PackedPolicyTooLargeException(opts), 'AWS_VALUE_INVALID'],
  ];
  for (const [err, code] of cases) assertMapped(err, code);
});

test('ValidationError mentioning the duration → STS_DURATION_INVALID', () => {
  // The text AWS returns when DurationSeconds exceeds the role's MaxSessionDuration, and the model
  // validation text for a value above 43200 (prolane/samltoawsstskeys#61).
  for (const message of [
    'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    "1 validation error detected: Value '50000' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
  ]) {
    const mapped = mapStsError(awsError('ValidationError', message));
    assert.equal(mapped.code, 'STS_DURATION_INVALID');
    assert.equal(publicView(mapped).code, 'STS_DURATION_INVALID');
    assert.ok(!publicView(mapped).message.includes(message));
  }
});

test('any other ValidationError → AWS_VALUE_INVALID', () => {
  const message =
    "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2";
  const mapped = mapStsError(awsError('ValidationError', message));
  assert.equal(mapped.code, 'AWS_VALUE_INVALID');
  assert.ok(!publicView(mapped).message.includes('roleSessionName'));
  assertMapped(awsError('ValidationError'), 'AWS_VALUE_INVALID');
});

test('unknown errors → STS_UNAVAILABLE', () => {
  const refused = Object.assign(awsError('Error', `connect ECONNREFUSED 127.0.0.1:1 ${AWS_TEXT}`), {
    code: 'ECONNREFUSED',
  });
  for (const err of [
    awsError('ThrottlingException'),
    awsError('InternalFailure'),
    awsError('TimeoutError'),
    awsError('SomethingNew'),
    awsError(''),
    refused,
    new TypeError(AWS_TEXT),
  ]) {
    assertMapped(err, 'STS_UNAVAILABLE');
  }
});

test('non-Error throwables → STS_UNAVAILABLE without their text', () => {
  for (const thrown of [
    AWS_TEXT,
    { name: 'AccessDenied', message: AWS_TEXT },
    undefined,
    null,
    42,
  ]) {
    const mapped = assertMapped(thrown, 'STS_UNAVAILABLE');
    assert.match(mapped.message, /^STS error: /);
  }
});

test('an error named like an Object.prototype member is not looked up on the prototype', () => {
  // The SDK names an unmodelled error after AWS's <Code>, which a proxy or a fake endpoint controls.
  for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
    const mapped = assertMapped(awsError(name), 'STS_UNAVAILABLE');
    assert.equal(typeof mapped.code, 'string');
    assert.equal(mapped.status, 502);
  }
});

test('a GatewayError passes through unchanged', () => {
  const original = new GatewayError('STS_UNAVAILABLE', 'STS answered without credentials');
  assert.equal(mapStsError(original), original);
  const internal = new GatewayError('SIGNING_KEY_UNAVAILABLE', 'no active key');
  assert.equal(mapStsError(internal), internal);
  assert.equal(publicView(mapStsError(internal)).code, 'INTERNAL');
});

test('names are matched exactly (case-sensitive, no prefix match)', () => {
  assertMapped(awsError('accessdenied'), 'STS_UNAVAILABLE');
  assertMapped(awsError('AccessDeniedFoo'), 'STS_UNAVAILABLE');
  assertMapped(awsError('validationerror', 'duration'), 'STS_UNAVAILABLE');
});
