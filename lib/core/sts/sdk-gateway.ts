/**
 * The real StsGateway over @aws-sdk/client-sts. One client per region (regional endpoints,
 * AWS-FACTS §1.4), made at the first call for that region and reused by every issuance after it. `endpoint` overrides every region's endpoint (AWS_ENDPOINT_URL_STS, passed in by the
 * caller; the SDK would also read it from the environment itself).
 */
import {
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  STSClient,
  type AssumeRoleWithSAMLCommandOutput,
  type AssumeRoleWithWebIdentityCommandOutput,
} from '@aws-sdk/client-sts';
import { GatewayError } from '../errors';
import { mapStsError } from './errors';
import type { AssumeResult, AssumeWithSamlInput, AssumeWithWebIdentityInput, StsGateway } from './gateway';

export interface SdkStsOptions {
  endpoint?: string;
  timeoutMs?: number;
}

export function createSdkStsGateway(opts: SdkStsOptions = {}): StsGateway {
  const clients = new Map<string, STSClient>();
  const clientFor = (region: string): STSClient => {
    let client = clients.get(region);
    if (!client) {
      client = new STSClient({
        region,
        endpoint: opts.endpoint,
        maxAttempts: 2,
        // The client's public option to resolve each command's middleware chain once instead of on every
        // send (we never change the stack after the first call): ~0.1–0.3 ms less CPU per issuance.
        cacheMiddleware: true,
        // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes and keeps
        // waiting, so a hung STS would hang issuance.
        requestHandler: { requestTimeout: opts.timeoutMs ?? 10_000, throwOnRequestTimeout: true },
      });
      clients.set(region, client);
    }
    return client;
  };
  return {
    async assumeRoleWithWebIdentity(input: AssumeWithWebIdentityInput): Promise<AssumeResult> {
      return call(input.roleArn, () =>
        clientFor(input.region).send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: input.roleArn,
            RoleSessionName: input.roleSessionName,
            WebIdentityToken: input.webIdentityToken,
            DurationSeconds: input.durationSeconds,
            ...sessionPolicies(input),
          }),
        ),
      );
    },
    async assumeRoleWithSaml(input: AssumeWithSamlInput): Promise<AssumeResult> {
      return call(input.roleArn, () =>
        clientFor(input.region).send(
          new AssumeRoleWithSAMLCommand({
            RoleArn: input.roleArn,
            PrincipalArn: input.principalArn,
            SAMLAssertion: input.samlAssertion,
            DurationSeconds: input.durationSeconds,
            ...sessionPolicies(input),
          }),
        ),
      );
    },
  };
}

/** STS's Policy / PolicyArns parameters, left out when the role has none. */
function sessionPolicies(input: { policy?: string; policyArns?: string[] }) {
  return {
    ...(input.policy ? { Policy: input.policy } : {}),
    ...(input.policyArns?.length ? { PolicyArns: input.policyArns.map((arn) => ({ arn })) } : {}),
  };
}

/** Runs one STS call, maps its errors and checks the answer has complete credentials. */
async function call(
  roleArn: string,
  send: () => Promise<AssumeRoleWithWebIdentityCommandOutput | AssumeRoleWithSAMLCommandOutput>,
): Promise<AssumeResult> {
  try {
    const out = await send();
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new GatewayError('STS_UNAVAILABLE', 'STS answered without credentials');
    }
    return {
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration.toISOString(),
      },
      assumedRoleArn: out.AssumedRoleUser?.Arn ?? roleArn,
      requestId: out.$metadata.requestId,
      sourceIdentity: out.SourceIdentity,
    };
  } catch (err) {
    throw mapStsError(err);
  }
}
