/**
 * Authenticates a signed request (STS, or the EC2 stand-in) against the credentials the emulator issued,
 * with STS's error codes: MissingAuthenticationToken / IncompleteSignature / InvalidClientTokenId /
 * SignatureDoesNotMatch / ExpiredToken.
 */
import { AwsError } from './aws-error';
import type { IamUserConfig } from './config';
import type { EmulatorContext } from './context';
import type { IssuedCredential } from './credential-store';
import { constantTimeEqual, payloadSha256 } from './sha256';
import {
  expectedSignature,
  parseAmzDate,
  parseAuthorization,
  type ParsedAuthorization,
  type ReceivedRequest,
} from './sigv4';

/** AWS rejects requests whose X-Amz-Date is more than 15 minutes from its clock. */
export const MAX_REQUEST_SKEW_MS = 15 * 60 * 1000;

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const BAD_SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const amzDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');

/** Parses X-Amz-Date and checks it against the credential scope and the 15-minute window. */
function checkRequestDate(req: ReceivedRequest, auth: ParsedAuthorization, nowMs: number): number {
  const raw = req.headers['x-amz-date'];
  const dateMs = typeof raw === 'string' ? parseAmzDate(raw) : undefined;
  if (dateMs === undefined || typeof raw !== 'string') {
    throw new AwsError(
      'IncompleteSignature',
      "Authorization header requires existence of a valid 'X-Amz-Date' header.",
    );
  }
  if (raw.slice(0, 8) !== auth.scopeDate) {
    throw new AwsError(
      'SignatureDoesNotMatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${raw.slice(0, 8)}', from '${raw}'.`,
    );
  }
  if (dateMs < nowMs - MAX_REQUEST_SKEW_MS) {
    const limit = amzDate(nowMs - MAX_REQUEST_SKEW_MS);
    throw new AwsError(
      'SignatureDoesNotMatch',
      `Signature expired: ${raw} is now earlier than ${limit} (${amzDate(nowMs)} - 15 min.)`,
    );
  }
  if (dateMs > nowMs + MAX_REQUEST_SKEW_MS) {
    const limit = amzDate(nowMs + MAX_REQUEST_SKEW_MS);
    throw new AwsError(
      'SignatureDoesNotMatch',
      `Signature not yet current: ${raw} is still later than ${limit} (${amzDate(nowMs)} + 15 min.)`,
    );
  }
  return dateMs;
}

async function checkSignature(
  req: ReceivedRequest,
  auth: ParsedAuthorization,
  secretAccessKey: string,
  dateMs: number,
  service: string,
): Promise<void> {
  if (auth.service !== service) {
    throw new AwsError(
      'SignatureDoesNotMatch',
      `Credential should be scoped to correct service: '${service}'.`,
    );
  }
  if (!auth.signedHeaders.includes('host')) {
    throw new AwsError(
      'SignatureDoesNotMatch',
      "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  const contentSha = req.headers['x-amz-content-sha256'];
  // The signer trusts this header as the payload hash, so it must describe the body actually received.
  if (typeof contentSha === 'string' && contentSha !== payloadSha256(req.body)) {
    throw new AwsError('SignatureDoesNotMatch', BAD_SIGNATURE);
  }
  const expected = await expectedSignature(req, auth, secretAccessKey, dateMs);
  if (expected === undefined || !constantTimeEqual(expected, auth.signature)) {
    throw new AwsError('SignatureDoesNotMatch', BAD_SIGNATURE);
  }
}

/**
 * Returns the issued credential that signed `req` for `service` (the credential scope's service), or
 * throws the AWS error a real endpoint would.
 */
export async function authenticateStsRequest(
  ctx: EmulatorContext,
  req: ReceivedRequest,
  service = 'sts',
): Promise<IssuedCredential> {
  const header = req.headers['authorization'];
  if (!header)
    throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  const auth = parseAuthorization(header);
  const cred = ctx.credentials.get(auth.accessKeyId);
  if (!cred) throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
  const nowMs = ctx.now();
  const dateMs = checkRequestDate(req, auth, nowMs);
  await checkSignature(req, auth, cred.secretAccessKey, dateMs, service);
  const token = req.headers['x-amz-security-token'];
  if (typeof token !== 'string' || !constantTimeEqual(token, cred.sessionToken)) {
    throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
  }
  if (nowMs >= cred.expiration) {
    throw new AwsError('ExpiredToken', 'The security token included in the request is expired');
  }
  return cred;
}

/**
 * Returns the IAM user (a long-term `AKIA…` key from the config) that signed `req` for IAM. The temporary
 * credentials of an assumed role are known but hold no IAM permission here: AccessDenied, as AWS answers
 * a role without `iam:*` rights.
 */
export async function authenticateIamRequest(ctx: EmulatorContext, req: ReceivedRequest, action: string): Promise<IamUserConfig> {
  const header = req.headers['authorization'];
  if (!header) throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  const auth = parseAuthorization(header);
  const user = ctx.config.iamUsers.find((u) => u.accessKeyId === auth.accessKeyId);
  const dateMs = checkRequestDate(req, auth, ctx.now());
  if (!user) {
    const role = ctx.credentials.get(auth.accessKeyId);
    if (!role) throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
    await checkSignature(req, auth, role.secretAccessKey, dateMs, 'iam');
    throw new AwsError('AccessDenied', `User: ${role.assumedRoleArn} is not authorized to perform: iam:${action}`);
  }
  await checkSignature(req, auth, user.secretAccessKey, dateMs, 'iam');
  return user;
}
