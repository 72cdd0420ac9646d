/**
 * Mints the short-lived token Rolegate hands to AssumeRoleWithWebIdentity (AWS-FACTS §1.3):
 * RS256 with `kid`, integer timestamps, `aud` one of the IAM provider's client ids, lifetime ≤ 5 min,
 * session tags under `https://aws.amazon.com/tags`, source identity under
 * `https://aws.amazon.com/source_identity`. Values must already be checked against AWS's patterns.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export const AWS_TAGS_CLAIM = 'https://aws.amazon.com/tags';
export const AWS_SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';
export const MAX_TOKEN_LIFETIME_SECONDS = 300;

export interface WebIdentityTokenInput {
  issuer: string;
  audience: string;
  subject: string;
  lifetimeSeconds: number;
  now: Date;
  signer: { kid: string; key: CryptoKey | Uint8Array };
  sessionTags?: Record<string, string>;
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
}

export async function mintWebIdentityToken(input: WebIdentityTokenInput): Promise<{ token: string; jti: string; expiresAt: Date }> {
  if (input.lifetimeSeconds < 1 || input.lifetimeSeconds > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new RangeError(`token lifetime must be 1..${MAX_TOKEN_LIFETIME_SECONDS} s`);
  }
  const iat = Math.floor(input.now.getTime() / 1000);
  const exp = iat + input.lifetimeSeconds;
  const jti = randomUUID();
  const claims: Record<string, unknown> = {};
  const tags = input.sessionTags ?? {};
  if (Object.keys(tags).length > 0) {
    claims[AWS_TAGS_CLAIM] = {
      principal_tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, [v]])),
      ...(input.transitiveTagKeys?.length ? { transitive_tag_keys: input.transitiveTagKeys } : {}),
    };
  }
  if (input.sourceIdentity) claims[AWS_SOURCE_IDENTITY_CLAIM] = input.sourceIdentity;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: input.signer.kid, typ: 'JWT' })
    .setIssuer(input.issuer)
    .setSubject(input.subject)
    .setAudience(input.audience)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .setJti(jti)
    .sign(input.signer.key);
  return { token, jti, expiresAt: new Date(exp * 1000) };
}
