/**
 * Starting a portal session, the same for OIDC (next-auth's jwt callback) and SAML (our ACS): upsert the
 * user by (issuer, subject), create the revocable session row holding the claims, audit the sign-in.
 * The returned `sid` is the only thing the cookie carries; the row is stored under its hash.
 */
import { randomBytes } from 'node:crypto';
import type { IdentityClaims } from '../../core/types';
import type { Store } from '../ports';
import type { RequestMeta } from '../request-meta';

export interface PortalSessionDeps {
  store: Store;
  maxAgeSeconds: number;
  hashSessionId: (sid: string) => string;
  now: () => Date;
}

export interface NewPortalSession {
  identity: { issuer: string; subject: string; email?: string; emailVerified?: boolean; name?: string };
  session: { id: string; idpId: string; claims: IdentityClaims; ip?: string; userAgent?: string; expiresAt: Date };
}

/** Writes the user and the session; resolves with the user's id. */
export type PersistPortalSession = (s: NewPortalSession) => Promise<{ userId: string }>;

/** User upsert, then session insert, as two statements (OIDC: nothing else has to commit with them). */
function persistInStore(store: Store): PersistPortalSession {
  return async ({ identity, session }) => {
    const user = await store.upsertUserOnLogin(identity);
    await store.createSession({ ...session, userId: user.id });
    return { userId: user.id };
  };
}

/** `persist` lets SAML commit the user and session in the transaction that spends its assertion ID. */
export async function startPortalSession(deps: PortalSessionDeps, claims: IdentityClaims, meta: RequestMeta, persist: PersistPortalSession = persistInStore(deps.store)): Promise<{ sid: string; userId: string; expiresAt: Date }> {
  const sid = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.now().getTime() + deps.maxAgeSeconds * 1000);
  const identity = { issuer: claims.issuer, subject: claims.subject, email: claims.email, emailVerified: claims.emailVerified, name: claims.name };
  const { userId } = await persist({ identity, session: { id: deps.hashSessionId(sid), idpId: claims.idpId, claims, ip: meta.ip, userAgent: meta.userAgent, expiresAt } });
  await deps.store.audit({ type: 'signin', outcome: 'ok', userId, subject: claims.subject, email: claims.email, emailVerified: claims.emailVerified, idpId: claims.idpId, ip: meta.ip, userAgent: meta.userAgent, expiresAt });
  return { sid, userId, expiresAt };
}
