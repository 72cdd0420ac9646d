/**
 * IAM's query API (`POST /`, `Version=2010-05-08`), the role inline-policy actions only: PutRolePolicy,
 * GetRolePolicy, DeleteRolePolicy, ListRolePolicies. Signed with an IAM user's key (config `iamUsers`),
 * acting on roles of that user's own account; AWS-shaped XML answers and errors (NoSuchEntity,
 * MalformedPolicyDocument, LimitExceeded, ValidationError, AccessDenied).
 */
import type { IncomingMessage } from 'node:http';
import { AwsError } from './aws-error';
import type { EmulatorContext } from './context';
import { receivedRequest, requestParams } from './http-util';
import { answerQuery, type QueryHandler } from './query-protocol';
import { authenticateIamRequest } from './sts-auth';
import { escapeXml, toXml, type XmlNode } from './xml';

export const IAM_VERSION = '2010-05-08';
const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const NAME = /^[\w+=,.@-]+$/;

function response(action: string, result: XmlNode | undefined, requestId: string): string {
  const body = result ? `<${action}Result>${toXml(result)}</${action}Result>` : '';
  return `<${action}Response xmlns="${NS}">${body}<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${action}Response>\n`;
}

export function iamErrorResponse(err: AwsError, requestId: string): string {
  return `<ErrorResponse xmlns="${NS}">${toXml({ Error: { Type: err.type, Code: err.code, Message: err.message } })}<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>\n`;
}

function name(params: URLSearchParams, key: 'RoleName' | 'PolicyName', max: number): string {
  const v = params.get(key) ?? '';
  if (v.length < 1 || v.length > max || !NAME.test(v)) {
    throw new AwsError('ValidationError', `1 validation error detected: Value '${v}' at '${key.charAt(0).toLowerCase()}${key.slice(1)}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`);
  }
  return v;
}

async function dispatch(ctx: EmulatorContext, req: IncomingMessage, url: URL, body: Buffer, requestId: string): Promise<string> {
  const params = requestParams(req, url, body);
  const action = params.get('Action') ?? '';
  if (!['PutRolePolicy', 'GetRolePolicy', 'DeleteRolePolicy', 'ListRolePolicies'].includes(action)) {
    throw new AwsError('InvalidAction', `Could not find operation ${action} for version ${IAM_VERSION}`);
  }
  const user = await authenticateIamRequest(ctx, receivedRequest(req, url, body), action);
  const roleName = name(params, 'RoleName', 64);
  const account = ctx.config.accounts.find((a) => a.id === user.account);
  if (!account?.roles.some((r) => r.name === roleName)) throw new AwsError('NoSuchEntity', `The role with name ${roleName} cannot be found.`);
  const store = ctx.rolePolicies;
  if (action === 'ListRolePolicies') {
    const names = store.names(user.account, roleName);
    return response(action, { PolicyNames: Object.fromEntries(names.map((n, i) => [`member${i}`, n])), IsTruncated: 'false' }, requestId).replace(/member\d+>/g, 'member>');
  }
  const policyName = name(params, 'PolicyName', 128);
  if (action === 'PutRolePolicy') {
    const doc = params.get('PolicyDocument') ?? '';
    if (doc.length < 1 || doc.length > 131_072) throw new AwsError('ValidationError', "1 validation error detected: Value at 'policyDocument' failed to satisfy constraint: Member must have length between 1 and 131072");
    store.put(user.account, roleName, policyName, doc);
    return response(action, undefined, requestId);
  }
  const doc = store.get(user.account, roleName, policyName);
  if (doc === undefined) throw new AwsError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`);
  if (action === 'DeleteRolePolicy') {
    store.delete(user.account, roleName, policyName);
    return response(action, undefined, requestId);
  }
  // IAM returns the document URL-encoded (RFC 3986).
  return response(action, { RoleName: roleName, PolicyName: policyName, PolicyDocument: encodeURIComponent(doc) }, requestId);
}

export const handleIam: QueryHandler = (ctx, req, res, url, body) =>
  answerQuery(ctx, res, { run: (requestId) => dispatch(ctx, req, url, body, requestId), errorXml: iamErrorResponse });
