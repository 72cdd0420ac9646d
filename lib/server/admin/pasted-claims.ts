/** Claims an admin pastes into the rules preview: JSON, checked with zod, never trusted further than that. */
import { z } from 'zod';
import { GatewayError } from '../../core/errors';
import { freeText, inputRefusal } from '../../core/text/free-text';
import type { IdentityClaims } from '../../core/types';

const pastedClaimsSchema = z
  .object({
    idpId: freeText().min(1).max(100),
    email: freeText().max(320).optional(),
    emailVerified: z.boolean().default(false),
    groups: z.array(freeText().max(256)).max(1000).default([]),
    hostedDomain: freeText().max(255).optional(),
    issuer: freeText().max(2048).default('(pasted claims)'),
    subject: freeText().max(255).default('(pasted claims)'),
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
    const refusal = inputRefusal(parsed.error);
    const problems = parsed.error.issues.map((i) => `claims.${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new GatewayError(refusal.code, problems, { publicDetail: problems });
  }
  return { ...parsed.data, extra: {} };
}

