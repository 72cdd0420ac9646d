/**
 * A deny-everything stand-in for the EC2 query API (`Version=2016-11-15` at `POST /`, SigV4 scoped to
 * `ec2`): it exists so that clients (the AWS CLI, the SDKs) get a realistic `UnauthorizedOperation`
 * carrying an "Encoded authorization failure message" for sts:DecodeAuthorizationMessage. The emulator
 * holds no identity policies, so no emulated session is allowed any EC2 action.
 */
import type { IncomingMessage } from 'node:http';
import { AwsError } from './aws-error';
import type { DeniedRequest } from './authorization-message';
import type { EmulatorContext } from './context';
import type { IssuedCredential } from './credential-store';
import { receivedRequest, requestParams } from './http-util';
import { answerQuery, type QueryHandler } from './query-protocol';
import { parseAuthorization } from './sigv4';
import { authenticateStsRequest } from './sts-auth';
import { escapeXml, toXml } from './xml';

export const EC2_VERSION = '2016-11-15';
const ACTION_NAME = /^[A-Z][A-Za-z0-9]{1,127}$/;

/** EC2's error document: `<Response><Errors><Error>…</Error></Errors><RequestID>…</RequestID></Response>`. */
export function ec2ErrorResponse(err: AwsError, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Response>' +
    toXml({ Errors: { Error: { Code: err.code, Message: err.message } } }) +
    `<RequestID>${escapeXml(requestId)}</RequestID></Response>\n`
  );
}

/** The first `InstanceId.N` as an instance ARN (StopInstances, TerminateInstances…), else `*`. */
function resourceOf(params: URLSearchParams, region: string, account: string): string {
  const id = params.get('InstanceId.1');
  return id ? `arn:aws:ec2:${region}:${account}:instance/${id}` : '*';
}

function deniedRequest(
  cred: IssuedCredential,
  action: string,
  resource: string,
  region: string,
): DeniedRequest {
  const values: [string, string][] = [
    ['aws:Region', region],
    ['ec2:Region', region],
    ['aws:PrincipalAccount', cred.accountId],
    ['aws:PrincipalArn', `arn:aws:iam::${cred.accountId}:role/${cred.roleName}`],
    ['aws:userid', cred.assumedRoleId],
    ...cred.tags.map((t): [string, string] => [`aws:PrincipalTag/${t.key}`, t.value]),
  ];
  return {
    account: cred.accountId,
    principal: { id: cred.assumedRoleId, arn: cred.assumedRoleArn },
    action: `ec2:${action}`,
    resource,
    conditions: values.map(([key, value]) => ({ key, values: [value] })),
  };
}

async function deny(
  ctx: EmulatorContext,
  req: IncomingMessage,
  url: URL,
  body: Buffer,
): Promise<never> {
  const params = requestParams(req, url, body);
  const action = params.get('Action') ?? '';
  const cred = await authenticateStsRequest(ctx, receivedRequest(req, url, body), 'ec2');
  if (!ACTION_NAME.test(action)) {
    throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
  }
  const { region } = parseAuthorization(String(req.headers['authorization']));
  const resource = resourceOf(params, region, cred.accountId);
  const encoded = ctx.authorizationMessages.encode(deniedRequest(cred, action, resource, region));
  throw new AwsError(
    'UnauthorizedOperation',
    `You are not authorized to perform this operation. User: ${cred.assumedRoleArn} is not authorized to perform: ec2:${action} on resource: ${resource} because no identity-based policy allows the ec2:${action} action. Encoded authorization failure message: ${encoded}`,
  );
}

export const handleEc2: QueryHandler = (ctx, req, res, url, body) =>
  answerQuery(ctx, res, { run: () => deny(ctx, req, url, body), errorXml: ec2ErrorResponse });
