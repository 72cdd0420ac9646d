/**
 * Issuance: the one path by which AWS credentials leave Rolegate.
 * 1. re-check the mapping on the server (deny by default; a denial is audited),
 * 2. obtain the role's credentials by its delivery (web identity token or SAML assertion → STS),
 * 3. write the audit row and wait for it — only then return the credentials (STYLE rule 8).
 */
import { createHash } from 'node:crypto';
import type { RolegateConfig } from '../config/parse';
import { GatewayError } from '../errors';
import { roleSessionNameFor, sourceIdentityFor } from '../aws/session-name';
import type { AssumeResult } from '../sts/gateway';
import type { IdentityClaims } from '../types';
import { assumeRole, type AssumeDeps, type SessionFacts } from './assume';
import type { AuditSink, AuditType, RequestContext } from './audit-event';
import { findHeldRole, type GrantSource, type HeldRole } from './held-roles';
import { assertIssuanceOpen, type LockdownState } from './lockdown';
import { resolveSessionTags } from './session-tags';
import { sessionWindow } from './session-window';

export interface IssuanceDeps extends AssumeDeps {
  config: AssumeDeps['config'] & Pick<RolegateConfig, 'rules' | 'roles' | 'admins' | 'idps' | 'samlConnections'>;
  /** The lock-down switch, read from the store at each issuance. */
  lockdown: () => Promise<LockdownState>;
  audit: AuditSink;
  /** Active time-limited grants of a user, read from the store at the moment of issuance. */
  grants: GrantSource;
}

export interface Issued extends AssumeResult {
  granted: HeldRole;
  sessionName: string;
}

/**
 * Fails with ISSUANCE_LOCKED during a lock-down (break-glass admins excepted), then with POLICY_NO_ROLE
 * unless the identity holds the role right now, by a rule or an active grant. Both refusals are audited.
 */
export async function authorizeRole(deps: IssuanceDeps, claims: IdentityClaims, roleId: string, ctx: RequestContext, purpose: AuditType): Promise<HeldRole> {
  await assertIssuanceOpen({ lockdown: deps.lockdown, breakGlassEmails: deps.config.admins.breakGlassEmails, audit: deps.audit }, claims, roleId, ctx, purpose);
  const granted = await findHeldRole(deps, claims, ctx.userId, roleId);
  if (granted) return granted;
  await deps.audit({
    type: 'denial',
    outcome: 'denied',
    code: 'POLICY_NO_ROLE',
    userId: ctx.userId,
    subject: claims.subject,
    email: claims.email,
    emailVerified: claims.emailVerified,
    idpId: claims.idpId,
    roleArn: deps.config.roles.get(roleId)?.arn,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    detail: { requestedRoleId: roleId.slice(0, 200), purpose, channel: ctx.channel },
  });
  throw new GatewayError('POLICY_NO_ROLE', `user ${ctx.userId} does not hold role ${roleId}`);
}

/** Session name, source identity, tags and window for a user's session in a role, started at `now`. */
export function sessionFacts(granted: HeldRole, claims: IdentityClaims, userId: string, now: Date): SessionFacts {
  return {
    userId,
    sessionName: roleSessionNameFor({ ...claims, userId }),
    sourceIdentity: sourceIdentityFor({ ...claims, userId }),
    sessionTags: resolveSessionTags(granted.role.sessionTags, claims, userId),
    window: sessionWindow(granted, now),
  };
}

/** Which session policies applied, for the ledger: a digest of the inline one (not its text), the ARNs. */
function policyFacts(role: HeldRole['role']): Record<string, string> {
  return {
    ...(role.sessionPolicy ? { sessionPolicySha256: createHash('sha256').update(role.sessionPolicy).digest('hex') } : {}),
    ...(role.managedPolicyArns.length ? { managedPolicyArns: role.managedPolicyArns.join(',') } : {}),
  };
}

export async function issueCredentials(deps: IssuanceDeps, claims: IdentityClaims, roleId: string, ctx: RequestContext): Promise<Issued> {
  const granted = await authorizeRole(deps, claims, roleId, ctx, 'issuance');
  const { role } = granted;
  const base = {
    type: 'issuance' as const,
    userId: ctx.userId,
    subject: claims.subject,
    email: claims.email,
    emailVerified: claims.emailVerified,
    idpId: claims.idpId,
    roleArn: role.arn,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  };
  let facts: SessionFacts | undefined;
  let result: AssumeResult;
  try {
    facts = sessionFacts(granted, claims, ctx.userId, deps.now());
    result = await assumeRole(deps, role, facts);
  } catch (err) {
    const code = err instanceof GatewayError ? err.code : 'INTERNAL';
    await deps.audit({ ...base, sessionName: facts?.sessionName, outcome: 'failed', code, detail: { channel: ctx.channel, delivery: role.delivery } });
    throw err;
  }
  await deps.audit({
    ...base,
    sessionName: facts.sessionName,
    outcome: 'ok',
    requestId: result.requestId,
    expiresAt: new Date(result.credentials.expiration),
    detail: { channel: ctx.channel, delivery: role.delivery, sourceIdentity: result.sourceIdentity ?? facts.sourceIdentity, assumedRoleArn: result.assumedRoleArn, ...(granted.grant ? { grantId: granted.grant.id } : {}), ...policyFacts(role) },
  });
  return { ...result, granted, sessionName: facts.sessionName };
}
