/**
 * AssumeRoleWithWebIdentity parameter validation with the constraints of the STS service model
 * (AWS-FACTS §1.1). Failures read like AWS's model validation: "1 validation error detected: Value 'x' at
 * 'roleSessionName' failed to satisfy constraint: Member must …".
 */
import { AwsError } from './aws-error';
import { parsePolicyDocument } from './role-policies';

export const SESSION_NAME_PATTERN = /^[\w+=,.@-]*$/;
export const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\u0021-\u007e]*\/)?([\w+=,.@-]{1,64})$/;

export interface WebIdentityParams extends SessionPolicies {
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

const POLICY_CHARS = /^[\t\n\r\x20-\xFF]+$/;
const POLICY_ARN = /^arn:aws:iam::(aws|\d{12}):policy\/[\w+=,.@\/-]+$/;

export interface SessionPolicies {
  /** The inline session policy as sent (1-2048 characters). */
  sessionPolicy?: string;
  /** `PolicyArns.member.N.arn`, in order. */
  policyArns: string[];
}

/**
 * `Policy` and `PolicyArns` as STS checks them (AWS-FACTS §1.1): Policy 1-2048 characters of
 * [\t\n\r\x20-\xFF] and a policy document (else MalformedPolicyDocument); at most 10 PolicyArns, each
 * 20-2048 characters, a policy ARN, AWS-managed or in the role's account.
 */
export function sessionPoliciesOf(params: URLSearchParams, accountId: string): SessionPolicies {
  const policy = params.get('Policy') ?? undefined;
  if (policy !== undefined) {
    if (policy.length < 1 || policy.length > 2048 || !POLICY_CHARS.test(policy)) {
      throwIfAny([`Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048 and match [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+`]);
    }
    parsePolicyDocument(policy);
  }
  const policyArns: string[] = [];
  for (let n = 1; params.has(`PolicyArns.member.${n}.arn`); n++) policyArns.push(params.get(`PolicyArns.member.${n}.arn`) ?? '');
  if (policyArns.length > 10) throwIfAny([`Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10`]);
  for (const arn of policyArns) {
    const m = POLICY_ARN.exec(arn);
    if (!m || arn.length < 20 || arn.length > 2048) throwIfAny([`Value '${arn}' at 'policyArns.member.arn' failed to satisfy constraint: Member must be a policy ARN`]);
    else if (m[1] !== 'aws' && m[1] !== accountId) throw new AwsError('AccessDenied', `Session policy ${arn} must be in the role's account or AWS managed`);
  }
  return { sessionPolicy: policy, policyArns };
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

/** The role to assume, once the parameters passed: RoleArn's account and name, and the session policies. */
export function targetRole(params: URLSearchParams): {
  roleArn: string;
  accountId: string;
  roleName: string;
} & SessionPolicies {
  const roleArn = params.get('RoleArn') ?? '';
  const match = ROLE_ARN.exec(roleArn);
  if (!match?.[1] || !match[2]) throw new AwsError('ValidationError', 'Request ARN is invalid');
  return { roleArn, accountId: match[1], roleName: match[2], ...sessionPoliciesOf(params, match[1]) };
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
