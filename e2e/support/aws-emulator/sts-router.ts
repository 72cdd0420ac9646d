/**
 * The STS query-protocol endpoint (`POST /` with `Action=…&Version=2011-06-15`): dispatches the action;
 * query-protocol.ts turns AwsError into STS's XML error shape with the matching status.
 */
import type { IncomingMessage } from 'node:http';
import { AwsError } from './aws-error';
import type { EmulatorContext } from './context';
import { receivedRequest, requestParams } from './http-util';
import { answerQuery, type QueryHandler } from './query-protocol';
import { getCallerIdentity } from './sts-caller-identity';
import { decodeAuthorizationMessage } from './sts-decode-message';
import { assumeRoleWithSaml } from './sts-saml';
import { assumeRoleWithWebIdentity } from './sts-web-identity';
import { stsErrorResponse } from './xml';

const VERSION = '2011-06-15';

async function dispatch(
  ctx: EmulatorContext,
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  requestId: string,
): Promise<string> {
  const params = requestParams(req, url, body);
  const action = params.get('Action') ?? '';
  const version = params.get('Version') ?? '';
  if (version === VERSION && action === 'AssumeRoleWithWebIdentity') {
    return assumeRoleWithWebIdentity(ctx, params, requestId);
  }
  if (version === VERSION && action === 'AssumeRoleWithSAML') {
    return assumeRoleWithSaml(ctx, params, requestId);
  }
  if (version === VERSION && action === 'GetCallerIdentity') {
    return getCallerIdentity(ctx, receivedRequest(req, url, body), requestId);
  }
  if (version === VERSION && action === 'DecodeAuthorizationMessage') {
    return decodeAuthorizationMessage(ctx, receivedRequest(req, url, body), params, requestId);
  }
  throw new AwsError(
    'InvalidAction',
    `Could not find operation ${action} for version ${version || 'NO_VERSION_SPECIFIED'}`,
  );
}

export const handleSts: QueryHandler = (ctx, req, res, url, body) =>
  answerQuery(ctx, res, {
    run: (requestId) => dispatch(ctx, req, url, body, requestId),
    errorXml: stsErrorResponse,
  });
