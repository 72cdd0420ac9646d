/**
 * Role inline policies (IAM PutRolePolicy / GetRolePolicy / DeleteRolePolicy / ListRolePolicies) and the
 * one part of their evaluation the emulator needs: an explicit `Deny` of every action on every resource
 * whose conditions hold for a session — how AWS revokes sessions (AWS-FACTS §1.5: `AWSRevokeOlderSessions`
 * with `DateLessThan aws:TokenIssueTime`, optionally `StringEquals aws:SourceIdentity`). A session such a
 * statement denies can do nothing that needs a permission (the console, DecodeAuthorizationMessage…);
 * `sts:GetCallerIdentity` needs none and keeps working, as on AWS.
 */
import { AwsError } from './aws-error';
import type { IssuedCredential } from './credential-store';

/** IAM: the inline policies of one role may total at most 10,240 characters, whitespace not counted. */
export const ROLE_INLINE_POLICY_LIMIT = 10_240;

interface Statement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const malformed = (why: string) => new AwsError('MalformedPolicyDocument', why);

/** IAM's checks on a policy document (JSON, Version, Statement, Effect, Action and Resource). */
export function parsePolicyDocument(text: string): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw malformed('This policy contains invalid Json');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw malformed('This policy contains invalid Json');
  const { Version, Statement } = doc as { Version?: unknown; Statement?: unknown };
  if (Version !== '2012-10-17' && Version !== '2008-10-17') throw malformed('The policy failed legacy parsing');
  const statements = list(Statement);
  if (statements.length === 0) throw malformed('Syntax errors in policy.');
  for (const st of statements) {
    if (typeof st !== 'object' || st === null) throw malformed('Syntax errors in policy.');
    const s = st as Statement;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed('Policy statement must contain a valid Effect.');
    if (s.Action === undefined && s.NotAction === undefined) throw malformed('Policy statement must contain actions.');
    if (s.Resource === undefined && s.NotResource === undefined) throw malformed('Policy statement must contain resources.');
  }
  return statements as Statement[];
}

/** Whether every condition of a statement holds for the session; an operator or key we cannot evaluate never holds. */
function conditionsHold(condition: unknown, cred: IssuedCredential): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== 'object' || condition === null) return false;
  return Object.entries(condition).every(([operator, block]) =>
    Object.entries(block as Record<string, unknown>).every(([key, values]) => {
      const wanted = list(values).map(String);
      if (operator === 'DateLessThan' && key === 'aws:TokenIssueTime') return wanted.some((v) => cred.issuedAt < Date.parse(v));
      if (operator === 'StringEquals' && key === 'aws:SourceIdentity') return cred.sourceIdentity !== undefined && wanted.includes(cred.sourceIdentity);
      return false;
    }),
  );
}

const everything = (v: unknown) => list(v).some((x) => x === '*');

export class RolePolicyStore {
  private readonly byRole = new Map<string, Map<string, string>>();

  private role(accountId: string, roleName: string): Map<string, string> {
    const key = `${accountId}/${roleName}`;
    let m = this.byRole.get(key);
    if (!m) this.byRole.set(key, (m = new Map()));
    return m;
  }

  put(accountId: string, roleName: string, policyName: string, document: string): void {
    parsePolicyDocument(document);
    const policies = new Map(this.role(accountId, roleName));
    policies.set(policyName, document);
    const size = [...policies.values()].reduce((n, d) => n + d.replace(/\s/g, '').length, 0);
    if (size > ROLE_INLINE_POLICY_LIMIT) throw new AwsError('LimitExceeded', `Maximum policy size of ${ROLE_INLINE_POLICY_LIMIT} bytes exceeded for role ${roleName}`);
    this.role(accountId, roleName).set(policyName, document);
  }

  get(accountId: string, roleName: string, policyName: string): string | undefined {
    return this.role(accountId, roleName).get(policyName);
  }

  delete(accountId: string, roleName: string, policyName: string): boolean {
    return this.role(accountId, roleName).delete(policyName);
  }

  names(accountId: string, roleName: string): string[] {
    return [...this.role(accountId, roleName).keys()].sort();
  }

  /** True when an inline policy of the session's role explicitly denies everything to this session. */
  deniesEverything(cred: IssuedCredential): boolean {
    for (const doc of this.role(cred.accountId, cred.roleName).values()) {
      for (const st of parsePolicyDocument(doc)) {
        if (st.Effect === 'Deny' && everything(st.Action) && everything(st.Resource) && conditionsHold(st.Condition, cred)) return true;
      }
    }
    return false;
  }
}
