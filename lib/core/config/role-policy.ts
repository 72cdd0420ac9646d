/**
 * A role's session policies (issue 5 §2), checked as STS checks them before any issuance can fail on
 * them (AWS-FACTS §1.1): the inline `Policy` is 1–2,048 characters of [\t\n\r\x20-\xFF] and a policy
 * document (Version, Statement with Effect, Action/NotAction, Resource/NotResource); `PolicyArns` are at
 * most 10 policy ARNs of the role's partition, AWS-managed or in the role's own account. One or the other.
 */
import type { Partition } from '../types';

export const SESSION_POLICY_MAX = 2048;
const ARN_PREFIX: Record<Partition, string> = { aws: 'arn:aws', 'aws-us-gov': 'arn:aws-us-gov', 'aws-cn': 'arn:aws-cn' };
const STS_CHARS = /^[\t\n\r\x20-\xFF]+$/;

export interface RolePolicyInput {
  sessionPolicy?: Record<string, unknown> | string;
  managedPolicyArns?: string[];
}

export interface RolePolicies {
  /** Minified JSON, as sent to STS. */
  sessionPolicy?: string;
  managedPolicyArns: string[];
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function documentProblems(doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ['must be a JSON object (a policy document)'];
  const { Version, Statement, ...rest } = doc as Record<string, unknown>;
  const problems: string[] = [];
  if (Version !== '2012-10-17') problems.push('Version must be "2012-10-17"');
  const unknown = Object.keys(rest).filter((k) => k !== 'Id');
  if (unknown.length) problems.push(`unknown keys ${unknown.join(', ')}`);
  const statements = list(Statement);
  if (statements.length === 0) problems.push('needs at least one Statement');
  statements.forEach((st, i) => {
    const s = (typeof st === 'object' && st !== null ? st : {}) as Record<string, unknown>;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') problems.push(`Statement[${i}].Effect must be Allow or Deny`);
    if ((s.Action === undefined) === (s.NotAction === undefined)) problems.push(`Statement[${i}] needs exactly one of Action or NotAction`);
    if ((s.Resource === undefined) === (s.NotResource === undefined)) problems.push(`Statement[${i}] needs exactly one of Resource or NotResource`);
    if (s.Condition !== undefined && (typeof s.Condition !== 'object' || s.Condition === null)) problems.push(`Statement[${i}].Condition must be an object`);
  });
  return problems;
}

/** The role's policies ready for STS, or the problems (messages relative to the role). */
export function resolveRolePolicies(input: RolePolicyInput, account: { id: string; partition: Partition }): { policies: RolePolicies; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const arns = input.managedPolicyArns ?? [];
  if (input.sessionPolicy !== undefined && arns.length > 0) problems.push({ field: 'sessionPolicy', message: 'give a sessionPolicy or managedPolicyArns, not both' });
  let sessionPolicy: string | undefined;
  if (input.sessionPolicy !== undefined) {
    let doc: unknown = input.sessionPolicy;
    if (typeof doc === 'string') {
      try {
        doc = JSON.parse(doc);
      } catch {
        doc = undefined;
        problems.push({ field: 'sessionPolicy', message: 'is not valid JSON' });
      }
    }
    if (doc !== undefined) {
      documentProblems(doc).forEach((m) => problems.push({ field: 'sessionPolicy', message: m }));
      sessionPolicy = JSON.stringify(doc);
      if (sessionPolicy.length > SESSION_POLICY_MAX) problems.push({ field: 'sessionPolicy', message: `is ${sessionPolicy.length} characters minified; STS allows ${SESSION_POLICY_MAX}` });
      if (!STS_CHARS.test(sessionPolicy)) problems.push({ field: 'sessionPolicy', message: 'holds characters STS refuses (only tab, newline and \\x20–\\xFF)' });
    }
  }
  const prefix = `${ARN_PREFIX[account.partition]}:iam::`;
  arns.forEach((arn, i) => {
    const m = /^arn:[\w-]+:iam::(aws|\d{12}):policy\/[\w+=,.@\/-]+$/.exec(arn);
    if (!m || arn.length < 20 || arn.length > 2048) problems.push({ field: `managedPolicyArns[${i}]`, message: 'is not an IAM policy ARN' });
    else if (!arn.startsWith(prefix)) problems.push({ field: `managedPolicyArns[${i}]`, message: `must be in the account's partition (${prefix}…)` });
    else if (m[1] !== 'aws' && m[1] !== account.id) problems.push({ field: `managedPolicyArns[${i}]`, message: `must be AWS-managed or in account ${account.id} (STS requires the role's account)` });
  });
  return { policies: { sessionPolicy, managedPolicyArns: arns }, problems };
}
