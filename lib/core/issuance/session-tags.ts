/**
 * Resolves a role's session tags (tag key → claim name) from the signed-in identity's claims.
 * Claims that are absent are skipped; present values must fit AWS's tag value rule (AWS-FACTS §1.1).
 * The `email` claim is special: only a verified email is sent, else the person's stable AWS identity
 * (../aws/session-name.ts), so an ABAC condition on the email tag never trusts what a user typed.
 */
import { assertAwsValue } from '../aws/patterns';
import { emailTagValueFor } from '../aws/session-name';
import type { IdentityClaims } from '../types';

function claimValue(claims: IdentityClaims, userId: string, name: string): string | undefined {
  switch (name) {
    case 'email':
      return emailTagValueFor({ ...claims, userId });
    case 'name':
      return claims.name;
    case 'sub':
      return claims.subject;
    case 'idp':
      return claims.idpId;
    default:
      return claims.extra[name];
  }
}

export function resolveSessionTags(mapping: Record<string, string>, claims: IdentityClaims, userId: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, claim] of Object.entries(mapping)) {
    const value = claimValue(claims, userId, claim);
    if (value === undefined) continue;
    assertAwsValue('sessionTagKey', key);
    assertAwsValue('sessionTagValue', value);
    tags[key] = value;
  }
  return tags;
}
