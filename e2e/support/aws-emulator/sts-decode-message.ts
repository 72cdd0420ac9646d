/**
 * STS DecodeAuthorizationMessage: SigV4-authenticated with issued credentials like every signed STS call,
 * then `EncodedMessage` (1–10240 characters) must be a message the emulator sealed for the caller's
 * account (authorization-message.ts); the result is `DecodedMessage`, a JSON string.
 * The emulator has no identity policies, so every live session may decode (AWS requires
 * sts:DecodeAuthorizationMessage); a revoked session is denied as AWS's revocation policy would.
 */
import { MAX_ENCODED_LENGTH } from './authorization-message';
import { AwsError } from './aws-error';
import type { EmulatorContext } from './context';
import type { ReceivedRequest } from './sigv4';
import { authenticateStsRequest } from './sts-auth';
import { checkStringParams, type StringRule } from './sts-params';
import { stsResponse } from './xml';

const ACTION = 'DecodeAuthorizationMessage';

const RULES: StringRule[] = [
  {
    param: 'EncodedMessage',
    member: 'encodedMessage',
    min: 1,
    max: MAX_ENCODED_LENGTH,
    sensitive: true,
  },
];

export async function decodeAuthorizationMessage(
  ctx: EmulatorContext,
  req: ReceivedRequest,
  params: URLSearchParams,
  requestId: string,
): Promise<string> {
  const cred = await authenticateStsRequest(ctx, req);
  if (ctx.credentials.status(cred, ctx.now()) === 'revoked') {
    throw new AwsError(
      'AccessDenied',
      `User: ${cred.assumedRoleArn} is not authorized to perform: sts:${ACTION} with an explicit deny in an identity-based policy`,
    );
  }
  checkStringParams(RULES, params);
  const decoded = ctx.authorizationMessages.decode(
    params.get('EncodedMessage') ?? '',
    cred.accountId,
  );
  return stsResponse(ACTION, { DecodedMessage: decoded }, requestId);
}
