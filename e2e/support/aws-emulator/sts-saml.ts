/**
 * STS AssumeRoleWithSAML (AWS-FACTS §1.1, §1.2): parameters → provider (PrincipalArn) → Response checks
 * (saml-response.ts) → the RoleArn,PrincipalArn pair must be offered → role, duration, trust policy →
 * credentials → AWS's AssumeRoleWithSAMLResponse XML.
 * Replay: AWS does not document whether STS remembers assertion IDs, so reuse is NOT rejected here.
 */
import { AwsError } from './aws-error';
import type { EmulatorContext } from './context';
import type { IssuedCredential } from './credential-store';
import { assumeWithSaml, findSamlProvider, offeredPair, type ExpiryPolicy } from './saml-assume';
import { nameQualifier, subjectType } from './saml-context';
import { isApiRecipient } from './saml-endpoints';
import { parseSamlResponse, verifySamlResponse, type VerifiedSaml } from './saml-response';
import { parseSamlParams } from './sts-saml-params';
import { assumedRoleUserNode, credentialsNode, stsResponse } from './xml';

const ACTION = 'AssumeRoleWithSAML';
/** AWS does not publish how it packs tags; the emulator reports an estimate (percent of 2048 bytes). */
const PACKED_LIMIT_BYTES = 2048;

/** DurationSeconds (≤ the role's MaxSessionDuration), capped by the AuthnStatement SessionNotOnOrAfter. */
function apiExpiry(durationSeconds: number, verified: VerifiedSaml): ExpiryPolicy {
  return (role, nowMs) => {
    if (durationSeconds > role.maxSessionDuration) {
      throw new AwsError(
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );
    }
    const cap = verified.sessionNotOnOrAfter ?? Infinity;
    const expiration = Math.min(nowMs + durationSeconds * 1000, cap);
    if (expiration <= nowMs) {
      throw new AwsError('ExpiredTokenException', 'Token expired: SessionNotOnOrAfter has passed');
    }
    return expiration;
  };
}

function packedPolicySize(cred: IssuedCredential): number | undefined {
  if (cred.tags.length === 0 && !cred.sessionPolicy && !cred.policyArns?.length) return undefined;
  const packed = JSON.stringify([cred.tags, cred.transitiveTagKeys, cred.sessionPolicy ?? '', cred.policyArns ?? []]).length;
  return Math.max(1, Math.ceil((packed * 100) / PACKED_LIMIT_BYTES));
}

function responseXml(cred: IssuedCredential, verified: VerifiedSaml, requestId: string): string {
  return stsResponse(
    ACTION,
    {
      Credentials: credentialsNode(cred),
      AssumedRoleUser: assumedRoleUserNode(cred),
      PackedPolicySize: packedPolicySize(cred),
      Subject: verified.nameId,
      SubjectType: subjectType(verified.nameIdFormat),
      Issuer: verified.issuer,
      Audience: verified.recipient,
      NameQualifier: nameQualifier(verified.issuer, verified.provider),
      SourceIdentity: cred.sourceIdentity,
    },
    requestId,
  );
}

export function assumeRoleWithSaml(
  ctx: EmulatorContext,
  rawParams: URLSearchParams,
  requestId: string,
): string {
  const params = parseSamlParams(rawParams);
  const provider = findSamlProvider(ctx, params.principalArn);
  const parsed = parseSamlResponse(params.samlAssertion);
  const verified = verifySamlResponse(parsed, provider, {
    nowMs: ctx.now(),
    acceptRecipient: (recipient) => isApiRecipient(recipient, ctx.publicUrl),
  });
  const pair = offeredPair(verified, params.roleArn, params.principalArn);
  const cred = assumeWithSaml(ctx, verified, pair, apiExpiry(params.durationSeconds, verified), { sessionPolicy: params.sessionPolicy, policyArns: params.policyArns });
  return responseXml(cred, verified, requestId);
}
