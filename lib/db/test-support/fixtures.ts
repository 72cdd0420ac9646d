/** Shared fixtures of the repo tests: an Entra-shaped identity and a signed-in session. */
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../core/errors';
import type { IdentityClaims } from '../../core/types';
import type { TestDatabase } from './databases';

export const ENTRA_ISSUER = 'https://login.microsoftonline.com/tenant-id/v2.0';
export const now = new Date('2030-06-01T12:00:00.000Z');
export const later = (ms: number) => new Date(now.getTime() + ms);

export const hasCode = (code: GatewayError['code']) => (e: unknown) =>
  e instanceof GatewayError && e.code === code;

/** Claims as an Entra ID sign-in yields them, with characters that stress JSON round-trips. */
export function entraClaims(subject: string): IdentityClaims {
  return {
    idpId: 'entra',
    issuer: ENTRA_ISSUER,
    subject,
    email: 'zoë@acme.test',
    emailVerified: true,
    groups: ['aws-admins', 'Ünïcode group', 'a,b"c'],
    extra: { department: 'R&D', costCenter: '42' },
  };
}

/** Signs `subject` in (upserting the user) and creates a session expiring in an hour unless told. */
export async function signedInSession(
  t: TestDatabase,
  options: { expiresAt?: Date; subject?: string } = {},
) {
  const subject = options.subject ?? randomUUID();
  const user = await t.repos.users.upsertUserOnLogin({ issuer: ENTRA_ISSUER, subject });
  const id = randomUUID();
  await t.repos.sessions.createSession({
    id,
    userId: user.id,
    idpId: 'entra',
    claims: entraClaims(subject),
    expiresAt: options.expiresAt ?? later(3_600_000),
  });
  return { id, user };
}
