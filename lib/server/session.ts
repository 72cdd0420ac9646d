import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { GatewayError } from '../core/errors';
import { sessionCookieName } from './auth/session-cookie';
import { getContainer } from './container';
import type { ActiveSession } from './ports';

/**
 * The signed-in session, checked against the database on every call: a revoked or expired session is
 * gone at once even though the cookie still decrypts. Authorisation happens here, in the handler, not
 * only in the proxy (CVE-2025-29927).
 */
export async function currentSession(): Promise<ActiveSession | null> {
  const c = await getContainer();
  const raw = (await cookies()).get(sessionCookieName(c.config.publicUrl))?.value;
  if (!raw) return null;
  const jwt = await decode({ token: raw, secret: c.env.NEXTAUTH_SECRET }).catch(() => null);
  const sid = jwt?.sid;
  if (typeof sid !== 'string') return null;
  return c.store.getActiveSession(c.hashSessionId(sid), c.now());
}

export async function requireSession(): Promise<ActiveSession> {
  const session = await currentSession();
  if (!session) throw new GatewayError('UNAUTHENTICATED', 'no active session');
  return session;
}
