/**
 * AssumeRoleWithSAML parameters with the STS service model's constraints (AWS-FACTS §1.1): RoleArn and
 * PrincipalArn 20-2048 characters, SAMLAssertion 4-100000 (sensitive, never echoed), DurationSeconds
 * 900-43200 (default 3600), and the session policies (sts-params.ts).
 */
import { checkParams, targetRole, type SessionPolicies, type StringRule } from './sts-params';

export interface SamlParams extends SessionPolicies {
  roleArn: string;
  accountId: string;
  roleName: string;
  principalArn: string;
  samlAssertion: string;
  durationSeconds: number;
}

const RULES: StringRule[] = [
  { param: 'RoleArn', member: 'roleArn', min: 20, max: 2048 },
  { param: 'PrincipalArn', member: 'principalArn', min: 20, max: 2048 },
  { param: 'SAMLAssertion', member: 'sAMLAssertion', min: 4, max: 100000, sensitive: true },
];

export function parseSamlParams(params: URLSearchParams): SamlParams {
  const durationSeconds = checkParams(RULES, params);
  return {
    ...targetRole(params),
    principalArn: params.get('PrincipalArn') ?? '',
    samlAssertion: params.get('SAMLAssertion') ?? '',
    durationSeconds,
  };
}
