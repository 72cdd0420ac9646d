import { expect, test } from '../fixtures/cli';
import { loginAs } from '../fixtures/cli-login';

const ALICE = 'alice@example.com';
const INSTANCE = 'i-0123456789abcdef0';
const DEVELOPER_ARN = `arn:aws:sts::111122223333:assumed-role/Developer/okta=${ALICE}`;
const RESOURCE = `arn:aws:ec2:eu-west-1:111122223333:instance/${INSTANCE}`;
/** How the AWS CLI reports the emulator's EC2 denial (exit 254: the service refused the call). */
const DENIAL = new RegExp(
  '^\\nAn error occurred \\(UnauthorizedOperation\\) when calling the StopInstances operation: You are not authorized to perform this operation\\. ' +
    `User: ${DEVELOPER_ARN} is not authorized to perform: ec2:StopInstances on resource: ${RESOURCE} because no identity-based policy allows the ec2:StopInstances action\\. ` +
    'Encoded authorization failure message: ([\\w-]+)\\n$',
);

test('rolegate decode-message decodes an EC2 denial with the role\'s own credentials and pretty-prints it', async ({ page, cli, awsUrl }) => {
  await loginAs(page, cli, ALICE);
  expect((await cli.rolegate(['configure'])).code).toBe(0);
  const stop = await cli.aws(['ec2', 'stop-instances', '--instance-ids', INSTANCE, '--profile', 'dev-Developer', '--endpoint-url', awsUrl]);
  expect({ code: stop.code, stdout: stop.stdout }).toEqual({ code: 254, stdout: '' });
  const encoded = DENIAL.exec(stop.stderr)?.[1] ?? `no encoded message in: ${stop.stderr}`;

  // decode-message calls STS itself (the JS SDK), so it is pointed at the emulator like the product is.
  const sts = { AWS_ENDPOINT_URL_STS: awsUrl };
  const decoded = await cli.rolegate(['decode-message', '--role', 'dev-Developer', encoded], sts);
  expect({ code: decoded.code, stderr: decoded.stderr }).toEqual({ code: 0, stderr: '' });
  const document = JSON.parse(decoded.stdout) as { context: { conditions: { items: { key: string }[] } } };
  expect(decoded.stdout).toBe(`${JSON.stringify(document, null, 2)}\n`);
  expect(document).toMatchObject({
    allowed: false,
    explicitDeny: false,
    matchedStatements: { items: [] },
    failures: { items: [] },
    context: { principal: { arn: DEVELOPER_ARN }, action: 'ec2:StopInstances', resource: RESOURCE },
  });
  expect(document.context.conditions.items).toContainEqual({ key: 'aws:PrincipalTag/email', values: { items: [{ value: ALICE }] } });

  const garbage = await cli.rolegate(['decode-message', '--role', 'dev-Developer', 'not-a-real-message'], sts);
  const invalid = 'rolegate: STS refused to decode the message: InvalidAuthorizationMessageException: The encoded authorization message is invalid.\n';
  expect(garbage).toEqual({ code: 1, stdout: '', stderr: invalid });
  // A role in another account (prod, delivered through SAML) may not read the dev account's denial.
  expect(await cli.rolegate(['decode-message', '--role', 'prod-ReadOnly', encoded], sts)).toEqual({ code: 1, stdout: '', stderr: invalid });
});
