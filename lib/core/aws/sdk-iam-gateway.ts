/**
 * The real IamGateway over @aws-sdk/client-iam: one client per account (its own keys, from
 * ROLEGATE_IAM_KEYS) and partition (IAM is global per partition: us-east-1, us-gov-west-1, cn-north-1).
 * IAM's refusals become REVOCATION_FAILED with the AWS error in `cause` for the log.
 */
import { GetRolePolicyCommand, IAMClient, NoSuchEntityException, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { GatewayError } from '../errors';
import type { Partition } from '../types';
import type { IamGateway, RoleRef } from './iam-gateway';

export interface IamKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

const REGION: Record<Partition, string> = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1', 'aws-cn': 'cn-north-1' };

export function createSdkIamGateway(opts: { keys: Readonly<Record<string, IamKeys>>; endpoint?: string; timeoutMs?: number }): IamGateway {
  const clients = new Map<string, IAMClient>();
  const clientFor = (role: RoleRef): IAMClient => {
    const keys = opts.keys[role.accountId];
    if (!keys) throw new GatewayError('REVOCATION_UNAVAILABLE', `no IAM keys for account ${role.accountId}`);
    const id = `${role.accountId}/${role.partition}`;
    let client = clients.get(id);
    if (!client) {
      client = new IAMClient({
        region: REGION[role.partition],
        endpoint: opts.endpoint,
        maxAttempts: 2,
        credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey },
        requestHandler: { requestTimeout: opts.timeoutMs ?? 10_000, throwOnRequestTimeout: true },
      });
      clients.set(id, client);
    }
    return client;
  };
  const failed = (what: string, role: RoleRef, cause: unknown) =>
    new GatewayError('REVOCATION_FAILED', `IAM ${what} on ${role.accountId}/${role.roleName}: ${cause instanceof Error ? cause.name : 'error'}`, { cause });
  return {
    canRevoke: (accountId) => accountId in opts.keys,
    async getRolePolicy(role, policyName) {
      try {
        const out = await clientFor(role).send(new GetRolePolicyCommand({ RoleName: role.roleName, PolicyName: policyName }));
        // IAM returns the document URL-encoded (RFC 3986).
        return out.PolicyDocument === undefined ? undefined : decodeURIComponent(out.PolicyDocument);
      } catch (err) {
        if (err instanceof NoSuchEntityException) return undefined;
        if (err instanceof GatewayError) throw err;
        throw failed('GetRolePolicy', role, err);
      }
    },
    async putRolePolicy(role, policyName, document) {
      try {
        await clientFor(role).send(new PutRolePolicyCommand({ RoleName: role.roleName, PolicyName: policyName, PolicyDocument: document }));
      } catch (err) {
        if (err instanceof GatewayError) throw err;
        throw failed('PutRolePolicy', role, err);
      }
    },
  };
}
