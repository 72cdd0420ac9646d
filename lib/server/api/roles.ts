/** Roles as the JSON API shows them: what the CLI needs to list roles and write one profile per role. */
import { profileNameFor } from '../../core/aws/profile-name';
import type { RolegateConfig } from '../../core/config/parse';
import { evaluatePolicy } from '../../core/policy/evaluate';
import type { IdentityClaims, RoleDef } from '../../core/types';

export interface ApiRole {
  id: string;
  accountId: string;
  accountAlias: string;
  roleName: string;
  arn: string;
  region: string;
  partition: RoleDef['partition'];
  delivery: RoleDef['delivery'];
  maxSessionDurationSeconds: number;
  /** Suggested AWS CLI profile name: `<accountAlias>-<roleName>` (INI-safe). */
  profile: string;
  description?: string;
}

export function apiRole(role: RoleDef): ApiRole {
  return {
    id: role.id,
    accountId: role.accountId,
    accountAlias: role.accountAlias,
    roleName: role.roleName,
    arn: role.arn,
    region: role.region,
    partition: role.partition,
    delivery: role.delivery,
    maxSessionDurationSeconds: role.maxSessionDurationSeconds,
    profile: profileNameFor(role),
    ...(role.description ? { description: role.description } : {}),
  };
}

/** The roles the claims are granted right now (deny by default), in config order. */
export function grantedApiRoles(config: Pick<RolegateConfig, 'rules' | 'roles'>, claims: IdentityClaims): ApiRole[] {
  return evaluatePolicy(claims, config.rules, config.roles).map(({ role }) => apiRole(role));
}
