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

export async function startPortalSession(deps: PortalSessionDeps, claims: IdentityClaims, meta: RequestMeta): Promise<{ sid: string; userId: string; expiresAt: Date }> {
  const { store } = deps;
  const user = await store.upsertUserOnLogin({ issuer: claims.issuer, subject: claims.subject, email: claims.email, emailVerified: claims.emailVerified, name: claims.name });
  const sid = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.now().getTime() + deps.maxAgeSeconds * 1000);
  await store.createSession({ id: deps.hashSessionId(sid), userId: user.id, idpId: claims.idpId, claims, ip: meta.ip, userAgent: meta.userAgent, expiresAt });
  await store.audit({ type: 'signin', outcome: 'ok', userId: user.id, subject: claims.subject, email: claims.email, emailVerified: claims.emailVerified, idpId: claims.idpId, ip: meta.ip, userAgent: meta.userAgent, expiresAt });
  return { sid, userId: user.id, expiresAt };
}
