/**
 * The claims snapshot of a session is stored as JSON text (the column is a String so the schema stays
 * identical on SQLite and PostgreSQL) and parsed back into `IdentityClaims` with a runtime check.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/errors';
import type { IdentityClaims } from '../../core/types';

// Typed against IdentityClaims: a new required claim field fails `tsc` here until it is added. Loose, so a
// new optional field survives the round-trip even before it is listed.
const claimsSchema: z.ZodType<IdentityClaims> = z.looseObject({
  idpId: z.string(),
  issuer: z.string(),
  subject: z.string(),
  email: z.string().optional(),
  emailVerified: z.boolean(),
  name: z.string().optional(),
  hostedDomain: z.string().optional(),
  groups: z.array(z.string()),
  extra: z.record(z.string(), z.string()),
});

export function serializeClaims(claims: IdentityClaims): string {
  const checked = claimsSchema.safeParse(claims);
  if (!checked.success) {
    throw new GatewayError(
      'INTERNAL',
      `session claims do not match IdentityClaims: ${checked.error.message}`,
    );
  }
  return JSON.stringify(checked.data);
}

/** undefined when the stored text is not valid claims (e.g. written by an older version). */
export function parseClaims(text: string): IdentityClaims | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const checked = claimsSchema.safeParse(json);
  return checked.success ? checked.data : undefined;
}
