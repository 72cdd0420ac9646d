/**
 * Resolves a role's session tags (tag key → claim name) from the signed-in identity's claims.
 * Claims that are absent are skipped; present values must fit AWS's tag value rule (AWS-FACTS §1.1).
 */
import { assertAwsValue } from '../aws/patterns';
import type { IdentityClaims } from '../types';

function claimValue(claims: IdentityClaims, name: string): string | undefined {
  switch (name) {
    case 'email':
      return claims.email;
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

export function resolveSessionTags(mapping: Record<string, string>, claims: IdentityClaims): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, claim] of Object.entries(mapping)) {
    const value = claimValue(claims, claim);
    if (value === undefined) continue;
    assertAwsValue('sessionTagKey', key);
    assertAwsValue('sessionTagValue', value);
    tags[key] = value;
  }
  return tags;
}
