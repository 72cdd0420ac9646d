/** The test's own AWS SDK client against the emulator: proves issued keys work like real ones. */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
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
