import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { connectionEnabled } from '../core/config/parse';
import { GatewayError } from '../core/errors';
import { isAdmin } from '../core/policy/admin';
import { createDecodedCookies, type DecodedCookies } from './auth/decoded-cookies';
import { sessionCookieName } from './auth/session-cookie';
import { getContainer, type Container } from './container';
import type { ActiveSession, Principal } from './ports';

let decoded: { secret: string; cookies: DecodedCookies } | undefined;

/** The session ids of cookies already decoded (auth/decoded-cookies.ts), for this process's secret. */
function decodedCookies(c: Container): DecodedCookies {
  const secret = c.env.NEXTAUTH_SECRET;
  if (decoded?.secret !== secret) {
    decoded = { secret, cookies: createDecodedCookies((token) => decode({ token, secret }), () => c.now().getTime() / 1000) };
  }
  return decoded.cookies;
}

/** The stored (hashed) id of the session the request's cookie names, if it carries one that decodes. */
async function sessionIdOf(c: Container): Promise<string | undefined> {
  const raw = (await cookies()).get(sessionCookieName(c.config.publicUrl))?.value;
  const sid = raw ? await decodedCookies(c).sid(raw) : undefined;
  return sid === undefined ? undefined : c.hashSessionId(sid);
}

/**
 * The signed-in session, checked against the database on every call: a revoked or expired session is
 * gone at once even though the cookie still decrypts. Authorisation happens here, in the handler, not
 * only in the proxy (CVE-2025-29927).
 */
export async function currentSession(): Promise<ActiveSession | null> {
  const c = await getContainer();
  const id = await sessionIdOf(c);
  const session = id === undefined ? null : await c.store.getActiveSession(id, c.now());
  // A session that came through a connection disabled (or removed) since is over.
  return session && connectionEnabled(c.config, session.idpId) ? session : null;
}

export async function requireSession(): Promise<ActiveSession> {
  const session = await currentSession();
  if (!session) throw new GatewayError('UNAUTHENTICATED', 'no active session');
  return session;
}

/**
 * Who the signed-in session acts for, under exactly currentSession's checks (one query: no user row).
 * For the issuance routes, which decide on the principal alone. `c` is the request's container (its
 * config is the one the connection check must use).
 */
export async function requireSessionPrincipal(c: Container): Promise<Principal> {
  const id = await sessionIdOf(c);
  const session = id === undefined ? null : await c.repos.sessions.getActivePrincipal(id, c.now());
  if (!session || !connectionEnabled(c.config, session.idpId)) throw new GatewayError('UNAUTHENTICATED', 'no active session');
  return { userId: session.userId, idpId: session.idpId, claims: session.claims };
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
