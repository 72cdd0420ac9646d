/**
 * Role trust policy evaluation for AssumeRoleWithWebIdentity (and the sts:TagSession /
 * sts:SetSourceIdentity actions it implies). Pure: policy + request → decision. An explicit Deny wins,
 * otherwise an Allow is required (IAM User Guide, reference_policies_evaluation-logic).
 */
import type { PolicyStatement, TrustPolicy } from './policy-schema';
import { conditionsMatch, globToRegExp, type ConditionContext } from './policy-condition';

export type TrustDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface TrustRequest {
  /** e.g. `sts:AssumeRoleWithWebIdentity`. */
  action: string;
  /** The caller's federated principal: the IAM OIDC provider ARN. */
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

/** Builds the request context STS exposes for an OIDC token (AWS-FACTS §1.3). */
export function webIdentityContext(input: {
  providerUrl: string;
  audience: string;
  subject: string;
  amr: string[];
  roleSessionName: string;
  sourceIdentity?: string;
  tags: { key: string; value: string }[];
  transitiveTagKeys: string[];
}): ConditionContext {
  const url = input.providerUrl.toLowerCase();
  const entries: [string, string[]][] = [
    [`${url}:aud`, [input.audience]],
    [`${url}:sub`, [input.subject]],
    [`${url}:amr`, input.amr],
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
  return new Map(entries);
}
