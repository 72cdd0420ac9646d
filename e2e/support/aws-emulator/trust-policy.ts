/**
 * Role trust policy evaluation for AssumeRoleWithWebIdentity / AssumeRoleWithSAML (and the
 * sts:TagSession / sts:SetSourceIdentity actions they imply). Pure: policy + request → decision. An explicit Deny wins,
 * otherwise an Allow is required (IAM User Guide, reference_policies_evaluation-logic).
 */
import { AwsError } from './aws-error';
import type { PolicyStatement, TrustPolicy } from './policy-schema';
import { conditionsMatch, globToRegExp, type ConditionContext } from './policy-condition';

export type TrustDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface TrustRequest {
  /** e.g. `sts:AssumeRoleWithWebIdentity`. */
  action: string;
  /** The caller's federated principal: the IAM OIDC or SAML provider ARN. */
  federatedPrincipal: string;
  context: ConditionContext;
}

const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

function principalMatches(statement: PolicyStatement, federated: string): boolean {
  const principal = statement.Principal;
  if (principal === undefined) return false;
  if (principal === '*') return true;
  return asList(principal['Federated']).includes(federated);
}

/** Action names are case-insensitive and may use `*` / `?` wildcards (`sts:*`, `*`). */
function actionMatches(statement: PolicyStatement, action: string): boolean {
  const hit = (patterns: string[]): boolean =>
    patterns.some((p) => globToRegExp(p.toLowerCase()).test(action.toLowerCase()));
  if (statement.NotAction !== undefined) return !hit(asList(statement.NotAction));
  return hit(asList(statement.Action));
}

function statementApplies(statement: PolicyStatement, request: TrustRequest): boolean {
  return (
    principalMatches(statement, request.federatedPrincipal) &&
    actionMatches(statement, request.action) &&
    conditionsMatch(statement.Condition, request.context)
  );
}

export function evaluateTrustPolicy(policy: TrustPolicy, request: TrustRequest): TrustDecision {
  const applicable = policy.Statement.filter((s) => statementApplies(s, request));
  if (applicable.some((s) => s.Effect === 'Deny')) return 'explicit-deny';
  return applicable.some((s) => s.Effect === 'Allow') ? 'allow' : 'implicit-deny';
}

export interface SessionContextInput {
  roleSessionName: string;
  sourceIdentity?: string;
  tags: { key: string; value: string }[];
  transitiveTagKeys: string[];
}

/** The context keys every federated assume shares: session name, tags, source identity. */
export function sessionContextEntries(input: SessionContextInput): [string, string[]][] {
  const entries: [string, string[]][] = [
    ['sts:rolesessionname', [input.roleSessionName]],
    ['aws:tagkeys', input.tags.map((t) => t.key)],
    ['sts:transitivetagkeys', input.transitiveTagKeys],
    ...input.tags.map((t): [string, string[]] => [
      `aws:requesttag/${t.key.toLowerCase()}`,
      [t.value],
    ]),
  ];
  if (input.sourceIdentity !== undefined)
    entries.push(['sts:sourceidentity', [input.sourceIdentity]]);
  return entries;
}

/** Builds the request context STS exposes for an OIDC token (AWS-FACTS §1.3). */
export function webIdentityContext(
  input: SessionContextInput & {
    providerUrl: string;
    audience: string;
    subject: string;
    amr: string[];
  },
): ConditionContext {
  const url = input.providerUrl.toLowerCase();
  return new Map([
    [`${url}:aud`, [input.audience]],
    [`${url}:sub`, [input.subject]],
    [`${url}:amr`, input.amr],
    ...sessionContextEntries(input),
  ]);
}

/**
 * Requires an Allow (and no Deny) for `action` plus sts:TagSession when the session has tags and
 * sts:SetSourceIdentity when it has a source identity; throws AccessDenied naming the missing action.
 */
export function authorizeFederated(
  policy: TrustPolicy,
  request: { action: string; federatedPrincipal: string; context: ConditionContext },
  session: { hasTags: boolean; hasSourceIdentity: boolean },
): void {
  const actions = [request.action];
  if (session.hasTags) actions.push('sts:TagSession');
  if (session.hasSourceIdentity) actions.push('sts:SetSourceIdentity');
  for (const action of actions) {
    if (evaluateTrustPolicy(policy, { ...request, action }) !== 'allow') {
      const detail =
        action === request.action ? '' : ` (the trust policy does not allow ${action})`;
      throw new AwsError('AccessDenied', `Not authorized to perform ${request.action}${detail}`);
    }
  }
}
