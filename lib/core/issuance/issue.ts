/**
 * Issuance: the one path by which AWS credentials leave Rolegate.
 * 1. re-check the mapping on the server (deny by default; a denial is audited),
 * 2. mint a ≤5 min web identity token, 3. AssumeRoleWithWebIdentity,
 * 4. write the audit row and wait for it — only then return the credentials (STYLE rule 8).
 */
import type { RolegateConfig } from '../config/parse';
import { GatewayError } from '../errors';
import { roleSessionNameFor, sourceIdentityFor } from '../aws/session-name';
import { mintWebIdentityToken } from '../oidc/web-identity-token';
import { findGrantedRole, type GrantedRole } from '../policy/evaluate';
import type { AssumeResult, StsGateway } from '../sts/gateway';
import type { IdentityClaims } from '../types';
import type { AuditSink, AuditType, RequestContext } from './audit-event';
import { resolveSessionTags } from './session-tags';

export interface IssuanceDeps {
  config: Pick<RolegateConfig, 'publicUrl' | 'issuer' | 'rules' | 'roles'>;
  sts: StsGateway;
  signer: () => Promise<{ kid: string; key: CryptoKey | Uint8Array }>;
  audit: AuditSink;
  now: () => Date;
}

export interface Issued extends AssumeResult {
  granted: GrantedRole;
  sessionName: string;
}

/** Fails with POLICY_NO_ROLE (and audits the denial) unless the identity holds the role right now. */
export async function authorizeRole(deps: IssuanceDeps, claims: IdentityClaims, roleId: string, ctx: RequestContext, purpose: AuditType): Promise<GrantedRole> {
  const granted = findGrantedRole(claims, deps.config.rules, deps.config.roles, roleId);
  if (granted) return granted;
  await deps.audit({
    type: 'denial',
    outcome: 'denied',
    code: 'POLICY_NO_ROLE',
    userId: ctx.userId,
    subject: claims.subject,
    email: claims.email,
    idpId: claims.idpId,
    roleArn: deps.config.roles.get(roleId)?.arn,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    detail: { requestedRoleId: roleId.slice(0, 200), purpose, channel: ctx.channel },
  });
  throw new GatewayError('POLICY_NO_ROLE', `user ${ctx.userId} does not hold role ${roleId}`);
}

export async function issueCredentials(deps: IssuanceDeps, claims: IdentityClaims, roleId: string, ctx: RequestContext): Promise<Issued> {
  const granted = await authorizeRole(deps, claims, roleId, ctx, 'issuance');
  const { role } = granted;
  const sessionName = roleSessionNameFor(claims.email, ctx.userId);
  const sourceIdentity = sourceIdentityFor(claims.email, ctx.userId);
  const base = {
    type: 'issuance' as const,
    userId: ctx.userId,
    subject: claims.subject,
    email: claims.email,
    idpId: claims.idpId,
    roleArn: role.arn,
    sessionName,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  };
  let result: AssumeResult;
  try {
    const signer = await deps.signer();
    const { token } = await mintWebIdentityToken({
      issuer: deps.config.publicUrl,
      audience: deps.config.issuer.audience,
      subject: ctx.userId,
      lifetimeSeconds: deps.config.issuer.tokenLifetimeSeconds,
      now: deps.now(),
      signer,
      sessionTags: resolveSessionTags(role.sessionTags, claims),
      sourceIdentity,
    });
    result = await deps.sts.assumeRoleWithWebIdentity({
      roleArn: role.arn,
      roleSessionName: sessionName,
      webIdentityToken: token,
      durationSeconds: role.maxSessionDurationSeconds,
      region: role.region,
    });
  } catch (err) {
    const code = err instanceof GatewayError ? err.code : 'INTERNAL';
    await deps.audit({ ...base, outcome: 'failed', code, detail: { channel: ctx.channel, sourceIdentity } });
    throw err;
  }
  await deps.audit({
    ...base,
    outcome: 'ok',
    requestId: result.requestId,
    expiresAt: new Date(result.credentials.expiration),
    detail: { channel: ctx.channel, sourceIdentity: result.sourceIdentity ?? sourceIdentity, assumedRoleArn: result.assumedRoleArn },
  });
  return { ...result, granted, sessionName };
}
