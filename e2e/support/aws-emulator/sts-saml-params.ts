/**
 * AssumeRoleWithSAML parameters with the STS service model's constraints (AWS-FACTS §1.1): RoleArn and
 * PrincipalArn 20-2048 characters, SAMLAssertion 4-100000 (sensitive, never echoed), DurationSeconds
 * 900-43200 (default 3600). Session policies are not implemented.
 */
import { AwsError } from './aws-error';
import {
  checkDuration,
  checkString,
  rejectSessionPolicies,
  ROLE_ARN,
  throwIfAny,
  type StringRule,
} from './sts-params';

export interface SamlParams {
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
  const problems: string[] = [];
  for (const rule of RULES) checkString(rule, params.get(rule.param), problems);
  const durationSeconds = checkDuration(params.get('DurationSeconds'), problems);
  throwIfAny(problems);
  rejectSessionPolicies(params);
  const roleArn = params.get('RoleArn') ?? '';
  const match = ROLE_ARN.exec(roleArn);
  if (!match?.[1] || !match[2]) throw new AwsError('ValidationError', 'Request ARN is invalid');
  return {
    roleArn,
    accountId: match[1],
    roleName: match[2],
    principalArn: params.get('PrincipalArn') ?? '',
    samlAssertion: params.get('SAMLAssertion') ?? '',
    durationSeconds,
  };
}
