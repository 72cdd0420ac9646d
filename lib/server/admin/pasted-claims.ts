/** Claims an admin pastes into the rules preview: JSON, checked with zod, never trusted further than that. */
import { z } from 'zod';
import { GatewayError } from '../../core/errors';
import type { IdentityClaims } from '../../core/types';

const pastedClaimsSchema = z
  .object({
    idpId: z.string().min(1).max(100),
    email: z.string().max(320).optional(),
    emailVerified: z.boolean().default(false),
    groups: z.array(z.string().max(256)).max(1000).default([]),
    hostedDomain: z.string().max(255).optional(),
    issuer: z.string().max(2048).default('(pasted claims)'),
    subject: z.string().max(255).default('(pasted claims)'),
  })
  .strict();

/** Pasted JSON → claims; malformed JSON or shape is a typed BAD_REQUEST naming the problem. */
export function parsePastedClaims(text: string): IdentityClaims {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GatewayError('BAD_REQUEST', 'pasted claims are not JSON', { publicDetail: 'claims: not valid JSON' });
  }
  const parsed = pastedClaimsSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `claims.${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new GatewayError('BAD_REQUEST', problems, { publicDetail: problems });
  }
  return { ...parsed.data, extra: {} };
}

