/**
 * The STS query-protocol endpoint (`POST /` with `Action=…&Version=2011-06-15`): dispatches the action and
 * turns AwsError into AWS's XML error shape with the matching status.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from './aws-error';
import type { EmulatorContext } from './context';
import { requestParams, send } from './http-util';
import type { ReceivedRequest } from './sigv4';
import { getCallerIdentity } from './sts-caller-identity';
import { assumeRoleWithSaml } from './sts-saml';
import { assumeRoleWithWebIdentity } from './sts-web-identity';
import { stsErrorResponse } from './xml';

const VERSION = '2011-06-15';

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

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
    const received: ReceivedRequest = {
      method: req.method ?? 'POST',
      path: decodedPath(url),
      query: queryObject(url.searchParams),
      headers: req.headers,
      body,
    };
    return getCallerIdentity(ctx, received, requestId);
  }
  throw new AwsError(
    'InvalidAction',
    `Could not find operation ${action} for version ${version || 'NO_VERSION_SPECIFIED'}`,
  );
}

export async function handleSts(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
): Promise<void> {
  const requestId = randomUUID();
  // The Date header lets the SDK correct its clock against the emulator's (injectable) clock, as with AWS.
  const headers = { 'x-amzn-requestid': requestId, date: new Date(ctx.now()).toUTCString() };
  try {
    const xml = await dispatch(ctx, req, url, body, requestId);
    send(res, 200, 'text/xml', xml, headers);
  } catch (err) {
    const awsErr =
      err instanceof AwsError
        ? err
        : new AwsError(
            'InternalFailure',
            'The request processing has failed because of an unknown error.',
            { cause: err },
          );
    if (awsErr.code === 'InternalFailure') console.error('aws-emulator: internal failure', err);
    send(res, awsErr.status, 'text/xml', stsErrorResponse(awsErr, requestId), headers);
  }
}
