/**
 * AssumeRoleWithWebIdentity parameter validation with the constraints of the STS service model
 * (AWS-FACTS §1.1). Failures read like AWS's model validation: "1 validation error detected: Value 'x' at
 * 'roleSessionName' failed to satisfy constraint: Member must …".
 */
import { AwsError } from './aws-error';

export const SESSION_NAME_PATTERN = /^[\w+=,.@-]*$/;
export const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\u0021-\u007e]*\/)?([\w+=,.@-]{1,64})$/;

export interface WebIdentityParams {
  roleArn: string;
  accountId: string;
  roleName: string;
  roleSessionName: string;
  webIdentityToken: string;
  durationSeconds: number;
}

export interface StringRule {
  param: string;
  member: string;
  min: number;
  max: number;
  pattern?: { re: RegExp; text: string };
  /** Never echo the value (tokens). */
  sensitive?: boolean;
}

const RULES: StringRule[] = [
  { param: 'RoleArn', member: 'roleArn', min: 20, max: 2048 },
  {
    param: 'RoleSessionName',
    member: 'roleSessionName',
    min: 2,
    max: 64,
    pattern: { re: SESSION_NAME_PATTERN, text: '[\\w+=,.@-]*' },
  },
  { param: 'WebIdentityToken', member: 'webIdentityToken', min: 4, max: 20000, sensitive: true },
];

function checkString(rule: StringRule, value: string | null, problems: string[]): void {
  const shown = value === null ? 'null' : rule.sensitive ? "'***'" : `'${value}'`;
  const at = `Value ${shown} at '${rule.member}' failed to satisfy constraint: Member must`;
  if (value === null) problems.push(`${at} not be null`);
  else if (value.length < rule.min)
    problems.push(`${at} have length greater than or equal to ${rule.min}`);
  else if (value.length > rule.max)
    problems.push(`${at} have length less than or equal to ${rule.max}`);
  else if (rule.pattern && !rule.pattern.re.test(value)) {
    problems.push(`${at} satisfy regular expression pattern: ${rule.pattern.text}`);
  }
}

function checkDuration(raw: string | null, problems: string[]): number {
  if (raw === null) return 3600;
  const at = `Value '${raw}' at 'durationSeconds' failed to satisfy constraint: Member must`;
  if (!/^-?\d+$/.test(raw)) {
    problems.push(`${at} be an integer`);
    return 3600;
  }
  const value = Number(raw);
  if (value < 900) problems.push(`${at} have value greater than or equal to 900`);
  else if (value > 43200) problems.push(`${at} have value less than or equal to 43200`);
  return value;
}

function throwIfAny(problems: string[]): void {
  if (problems.length === 0) return;
  const n = problems.length;
  throw new AwsError(
    'ValidationError',
    `${n} validation error${n > 1 ? 's' : ''} detected: ${problems.join('; ')}`,
  );
}

function rejectSessionPolicies(params: URLSearchParams): void {
  if ([...params.keys()].some((k) => k === 'Policy' || k.startsWith('PolicyArns.'))) {
    throw new AwsError(
      'ValidationError',
      'The AWS emulator does not implement session policies (Policy, PolicyArns)',
    );
  }
}

/** Every string rule and DurationSeconds, all failures reported at once; returns DurationSeconds. */
export function checkParams(rules: readonly StringRule[], params: URLSearchParams): number {
  const problems: string[] = [];
  for (const rule of rules) checkString(rule, params.get(rule.param), problems);
  const durationSeconds = checkDuration(params.get('DurationSeconds'), problems);
  throwIfAny(problems);
  return durationSeconds;
}

/** Only string rules (actions without DurationSeconds), all failures reported at once. */
export function checkStringParams(rules: readonly StringRule[], params: URLSearchParams): void {
  const problems: string[] = [];
  for (const rule of rules) checkString(rule, params.get(rule.param), problems);
  throwIfAny(problems);
}

/** The role to assume, once the parameters passed: no session policies, then RoleArn's account and name. */
export function targetRole(params: URLSearchParams): {
  roleArn: string;
  accountId: string;
  roleName: string;
} {
  rejectSessionPolicies(params);
  const roleArn = params.get('RoleArn') ?? '';
  const match = ROLE_ARN.exec(roleArn);
  if (!match?.[1] || !match[2]) throw new AwsError('ValidationError', 'Request ARN is invalid');
  return { roleArn, accountId: match[1], roleName: match[2] };
}

export function parseWebIdentityParams(params: URLSearchParams): WebIdentityParams {
  const durationSeconds = checkParams(RULES, params);
  if (params.has('ProviderId')) {
    // ProviderId is only for OAuth 2.0 access tokens from www.amazon.com / graph.facebook.com, never OIDC.
    throw new AwsError(
      'ValidationError',
      'ProviderId must not be set for OpenID Connect ID tokens',
    );
  }
  return {
    ...targetRole(params),
    roleSessionName: params.get('RoleSessionName') ?? '',
    webIdentityToken: params.get('WebIdentityToken') ?? '',
    durationSeconds,
  };
}
