/** The test's own AWS SDK client against the emulator: proves issued keys work like real ones. */
import { DecodeAuthorizationMessageCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Credentials } from '../../lib/core/types';

export async function callerIdentityArn(endpoint: string, creds: Credentials, region = 'us-east-1'): Promise<string | undefined> {
  const client = new STSClient({
    region,
    endpoint,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken },
  });
  const out = await client.send(new GetCallerIdentityCommand({}));
  return out.Arn;
}

/**
 * sts:DecodeAuthorizationMessage — an STS call that, unlike GetCallerIdentity, needs a permission — with a
 * message that is not one: AWS answers AccessDenied to a denied (revoked) session and
 * InvalidAuthorizationMessageException to a live one. Returns the error name.
 */
export async function decodeAuthorizationError(endpoint: string, creds: Credentials, region = 'us-east-1'): Promise<string> {
  const client = new STSClient({
    region,
    endpoint,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken },
  });
  try {
    await client.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'not-a-message' }));
    return 'none';
  } catch (err) {
    return err instanceof Error ? err.name : String(err);
  }
}
