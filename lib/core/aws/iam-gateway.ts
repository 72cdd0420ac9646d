/**
 * IAM behind a small interface (as STS is): the two calls session revocation needs. The real one is
 * sdk-iam-gateway.ts; tests use the AWS emulator through it.
 */
import type { Partition } from '../types';

export interface RoleRef {
  accountId: string;
  partition: Partition;
  roleName: string;
}

export interface IamGateway {
  /** The inline policy's document, or undefined when the role has no policy of that name. */
  getRolePolicy(role: RoleRef, policyName: string): Promise<string | undefined>;
  putRolePolicy(role: RoleRef, policyName: string, document: string): Promise<void>;
  /** Whether Rolegate holds IAM keys for the account. */
  canRevoke(accountId: string): boolean;
}
