/**
 * STS AssumeRoleWithWebIdentity (AWS-FACTS §1.1, §1.3): parameters → token → role → duration →
 * trust policy (incl. sts:TagSession / sts:SetSourceIdentity) → mint credentials → AWS XML.
 */
import { AwsError } from './aws-error';
import { findRole, type RoleConfig } from './config';
import type { EmulatorContext } from './context';
import type { IssuedCredential } from './credential-store';
import { parseSessionTags, parseSourceIdentity, type SessionTags } from './session-claims';
import { parseWebIdentityParams, type WebIdentityParams } from './sts-params';
import { authorizeFederated, webIdentityContext } from './trust-policy';
import { verifyWebIdentityToken, type VerifiedWebIdentity } from './web-identity-token';
import { assumedRoleUserNode, credentialsNode, stsResponse } from './xml';

const ACTION = 'AssumeRoleWithWebIdentity';

function roleOrDeny(ctx: EmulatorContext, accountId: string, roleName: string): RoleConfig {
  const role = findRole(ctx.config, accountId, roleName);
  if (!role) throw new AwsError('AccessDenied', `Not authorized to perform sts:${ACTION}`);
  return role;
}

interface TrustInput {
  role: RoleConfig;
  params: WebIdentityParams;
  identity: VerifiedWebIdentity;
  session: SessionTags;
  sourceIdentity: string | undefined;
}

/** Every action the call implies must be allowed: the assume itself, plus tagging / source identity. */
function authorize({ role, params, identity, session, sourceIdentity }: TrustInput): void {
  const context = webIdentityContext({
    providerUrl: identity.provider.url,
    audience: identity.audience,
    subject: identity.subject,
    amr: identity.amr,
    roleSessionName: params.roleSessionName,
    sourceIdentity,
    ...session,
  });
  authorizeFederated(
    role.trustPolicy,
    { action: `sts:${ACTION}`, federatedPrincipal: identity.providerArn, context },
    { hasTags: session.tags.length > 0, hasSourceIdentity: sourceIdentity !== undefined },
  );
}

function responseXml(cred: IssuedCredential, requestId: string): string {
  return stsResponse(
    ACTION,
    {
      Credentials: credentialsNode(cred),
      SubjectFromWebIdentityToken: cred.subject,
      AssumedRoleUser: assumedRoleUserNode(cred),
      Provider: cred.provider,
      Audience: cred.audience,
      SourceIdentity: cred.sourceIdentity,
    },
    requestId,
  );
}

export async function assumeRoleWithWebIdentity(
  ctx: EmulatorContext,
  rawParams: URLSearchParams,
  requestId: string,
): Promise<string> {
  const params = parseWebIdentityParams(rawParams);
  const nowMs = ctx.now();
  const identity = await verifyWebIdentityToken(params.webIdentityToken, {
    config: ctx.config,
    accountId: params.accountId,
    nowMs,
    idpTimeoutMs: ctx.idpTimeoutMs,
    jwksCache: ctx.jwksCache,
  });
  const role = roleOrDeny(ctx, params.accountId, params.roleName);
  if (params.durationSeconds > role.maxSessionDuration) {
    throw new AwsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  const session = parseSessionTags(identity.payload);
  const sourceIdentity = parseSourceIdentity(identity.payload);
  authorize({ role, params, identity, session, sourceIdentity });
  const issuedAt = ctx.now();
  const cred = ctx.credentials.issue({
    expiration: issuedAt + params.durationSeconds * 1000,
    issuedAt,
    accountId: params.accountId,
    roleName: role.name,
    sessionName: params.roleSessionName,
    sourceIdentity,
    ...session,
    provider: identity.providerArn,
    audience: identity.audience,
    subject: identity.subject,
    sessionPolicy: params.sessionPolicy,
    policyArns: params.policyArns,
  });
  return responseXml(cred, requestId);
}
