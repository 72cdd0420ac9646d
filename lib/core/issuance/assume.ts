/**
 * The two ways Rolegate obtains a role's credentials, chosen per role (`delivery`):
 * - web identity: a ≤ 5 min RS256 token from Rolegate's OIDC issuer → AssumeRoleWithWebIdentity;
 * - SAML: a ≤ 5 min assertion signed by Rolegate's SAML IdP key → AssumeRoleWithSAML.
 * Both carry the same session name, source identity and session tags.
 */
import type { RolegateConfig } from '../config/parse';
import { samlSigninUrl } from '../aws/endpoints';
import { mintWebIdentityToken } from '../oidc/web-identity-token';
import { buildAwsSamlResponse } from '../saml/aws/assertion';
import type { SamlSigner } from '../saml/aws/sign';
import type { AssumeResult, StsGateway } from '../sts/gateway';
import type { RoleDef } from '../types';
import type { SessionWindow } from './session-window';

export interface AssumeDeps {
  config: Pick<RolegateConfig, 'publicUrl' | 'issuer' | 'samlIdp' | 'aws' | 'DANGEROUSLY_ALLOW_HTTP'>;
  sts: StsGateway;
  signer: () => Promise<{ kid: string; key: CryptoKey | Uint8Array }>;
  samlSigner: () => Promise<SamlSigner>;
  now: () => Date;
}

export interface SessionFacts {
  userId: string;
  sessionName: string;
  sourceIdentity: string;
  sessionTags: Record<string, string>;
  /** SAML SessionDuration (console sessions) and the end no session may pass (./session-window). */
  window: SessionWindow;
}

/** The signed AWS SAML Response for a role, base64-encoded, and where it is to be posted. */
export async function awsSamlResponse(deps: AssumeDeps, role: RoleDef, facts: SessionFacts): Promise<{ recipient: string; samlResponse: string }> {
  const recipient = samlSigninUrl({ partition: role.partition, overrideUrl: deps.config.aws.samlSigninUrl });
  const xml = buildAwsSamlResponse({
    issuer: deps.config.samlIdp.entityId,
    recipient,
    roles: [{ roleArn: role.arn, providerArn: role.samlProviderArn }],
    nameId: facts.userId,
    roleSessionName: facts.sessionName,
    sourceIdentity: facts.sourceIdentity,
    principalTags: facts.sessionTags,
    sessionDurationSeconds: facts.window.durationSeconds,
    sessionNotOnOrAfter: facts.window.notOnOrAfter,
    now: deps.now(),
    lifetimeSeconds: deps.config.samlIdp.assertionLifetimeSeconds,
    signer: await deps.samlSigner(),
    allowHttp: deps.config.DANGEROUSLY_ALLOW_HTTP,
  });
  return { recipient, samlResponse: Buffer.from(xml, 'utf8').toString('base64') };
}

/** The role's session policies, as STS parameters (issue 5 §2). */
function policiesOf(role: RoleDef): { policy?: string; policyArns?: string[] } {
  return { ...(role.sessionPolicy ? { policy: role.sessionPolicy } : {}), ...(role.managedPolicyArns.length ? { policyArns: role.managedPolicyArns } : {}) };
}

export async function assumeRole(deps: AssumeDeps, role: RoleDef, facts: SessionFacts): Promise<AssumeResult> {
  if (role.delivery === 'saml') {
    const { samlResponse } = await awsSamlResponse(deps, role, facts);
    return deps.sts.assumeRoleWithSaml({ roleArn: role.arn, principalArn: role.samlProviderArn, samlAssertion: samlResponse, durationSeconds: role.maxSessionDurationSeconds, region: role.region, ...policiesOf(role) });
  }
  const { token } = await mintWebIdentityToken({
    issuer: deps.config.publicUrl,
    audience: deps.config.issuer.audience,
    subject: facts.userId,
    lifetimeSeconds: deps.config.issuer.tokenLifetimeSeconds,
    now: deps.now(),
    signer: await deps.signer(),
    sessionTags: facts.sessionTags,
    sourceIdentity: facts.sourceIdentity,
  });
  return deps.sts.assumeRoleWithWebIdentity({ roleArn: role.arn, roleSessionName: facts.sessionName, webIdentityToken: token, durationSeconds: role.maxSessionDurationSeconds, region: role.region, ...policiesOf(role) });
}
