/**
 * The part of AssumeRoleWithSAML shared by the STS API (sts-saml.ts) and the console sign-in endpoint
 * (saml-signin.ts): provider lookup, the offered Role pair, the session attributes, the role and its
 * trust policy (sts:AssumeRoleWithSAML, + sts:TagSession / sts:SetSourceIdentity), then the credentials.
 */
import { AwsError } from './aws-error';
import { findRole, type RoleConfig, type SamlProviderConfig } from './config';
import type { EmulatorContext } from './context';
import type { IssuedCredential } from './credential-store';
import {
  roleSessionName,
  rolePairs,
  samlSessionTags,
  sourceIdentity,
  type RolePair,
} from './saml-attributes';
import { samlContext } from './saml-context';
import type { VerifiedSaml } from './saml-response';
import { authorizeFederated } from './trust-policy';

export const SAML_ACTION = 'sts:AssumeRoleWithSAML';

const denied = (): AwsError =>
  new AwsError('AccessDenied', `Not authorized to perform ${SAML_ACTION}`);

export function findSamlProvider(ctx: EmulatorContext, arn: string): SamlProviderConfig {
  const provider = ctx.config.samlProviders.find((p) => p.arn === arn);
  if (!provider) throw new AwsError('InvalidIdentityToken', "Specified provider doesn't exist");
  return provider;
}

/** The Role attribute pair naming exactly this role and provider (either order in the value). */
export function offeredPair(
  verified: VerifiedSaml,
  roleArn: string,
  providerArn: string,
): RolePair {
  const pair = rolePairs(verified.attributes).find(
    (p) => p.roleArn === roleArn && p.providerArn === providerArn,
  );
  if (!pair) throw denied();
  return pair;
}

/** Decides the credential expiry (epoch ms) once the role is known; may throw (e.g. ValidationError). */
export type ExpiryPolicy = (role: RoleConfig, nowMs: number) => number;

export function assumeWithSaml(
  ctx: EmulatorContext,
  verified: VerifiedSaml,
  pair: RolePair,
  expiry: ExpiryPolicy,
  policies: { sessionPolicy?: string; policyArns?: string[] } = {},
): IssuedCredential {
  if (pair.providerArn !== verified.provider.arn) throw denied();
  const sessionName = roleSessionName(verified.attributes);
  const session = samlSessionTags(verified.attributes);
  const source = sourceIdentity(verified.attributes);
  const role = findRole(ctx.config, pair.accountId, pair.roleName);
  if (!role) throw denied();
  const nowMs = ctx.now();
  const expiration = expiry(role, nowMs);
  const context = samlContext({
    ...verified,
    roleSessionName: sessionName,
    sourceIdentity: source,
    ...session,
  });
  authorizeFederated(
    role.trustPolicy,
    { action: SAML_ACTION, federatedPrincipal: verified.provider.arn, context },
    { hasTags: session.tags.length > 0, hasSourceIdentity: source !== undefined },
  );
  return ctx.credentials.issue({
    expiration,
    issuedAt: nowMs,
    accountId: pair.accountId,
    roleName: role.name,
    sessionName,
    sourceIdentity: source,
    ...session,
    provider: verified.provider.arn,
    audience: verified.recipient,
    subject: verified.nameId,
    ...policies,
  });
}
