import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { connectionEnabled } from '../core/config/parse';
import { GatewayError } from '../core/errors';
import { isAdmin } from '../core/policy/admin';
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
  const session = await c.store.getActiveSession(c.hashSessionId(sid), c.now());
  // A session that came through a connection disabled (or removed) since is over.
  return session && connectionEnabled(c.config, session.idpId) ? session : null;
}

export async function requireSession(): Promise<ActiveSession> {
  const session = await currentSession();
  if (!session) throw new GatewayError('UNAUTHENTICATED', 'no active session');
  return session;
}

/** The session of an admin, checked on the server for every admin page and route (never only in the proxy). */
export async function requireAdmin(): Promise<ActiveSession> {
  const session = await requireSession();
  const c = await getContainer();
  if (!isAdmin(session.claims, c.config.admins)) {
    await c.store.audit({ type: 'denial', outcome: 'denied', code: 'FORBIDDEN', userId: session.user.id, idpId: session.idpId, detail: { area: 'admin' } });
    throw new GatewayError('FORBIDDEN', `user ${session.user.id} is not an admin`);
  }
  return session;
}
