/**
 * STS GetCallerIdentity: authenticates the SigV4-signed request with the issued credentials and answers
 * who the caller is. As in AWS, no permission is needed (an explicit Deny — or, later, a session
 * revocation — does not block it), so only authentication can fail.
 */
import type { EmulatorContext } from './context';
import type { ReceivedRequest } from './sigv4';
import { authenticateStsRequest } from './sts-auth';
import { stsResponse } from './xml';

export async function getCallerIdentity(
  ctx: EmulatorContext,
  req: ReceivedRequest,
  requestId: string,
): Promise<string> {
  const cred = await authenticateStsRequest(ctx, req);
  return stsResponse(
    'GetCallerIdentity',
    { Arn: cred.assumedRoleArn, UserId: cred.assumedRoleId, Account: cred.accountId },
    requestId,
  );
}
