/**
 * Who is calling the JSON API (/api/v1): a CLI access token (`Authorization: Bearer …`, RFC 6750) or the
 * portal session cookie. A bearer request is never CSRF-able (a page cannot set Authorization cross-site
 * without a CORS preflight, which Rolegate never answers), so only cookie requests must pass the
 * same-origin check. When an Authorization header is present the cookie is ignored: a bad token is a
 * failure, not a fallback.
 */
import { GatewayError } from '../../core/errors';
import { hashToken } from '../../db/crypto';
import type { ActiveAccessToken } from '../../db/repos';
import { assertSameOrigin } from '../csrf';
import type { ActiveSession, Principal } from '../ports';
import { TOKEN_SHAPE } from '../oauth/deps';

export interface ApiPrincipal extends Principal {
  user: { id: string; email?: string; name?: string };
  via: 'cli' | 'web';
  /** When this authentication ends: the CLI login's absolute expiry, or the portal session's expiry. */
  expiresAt: Date;
  /** The CLI login (bearer requests only). */
  grantId?: string;
}

export interface ApiAuthDeps {
  publicUrl: string;
  now: () => Date;
  findActiveAccessToken: (hash: string, now: Date) => Promise<ActiveAccessToken | null>;
  currentSession: () => Promise<ActiveSession | null>;
  /** Whether the login's connection is enabled now (a disabled one's logins are revoked; this covers the gap). */
  connectionEnabled: (idpId: string) => boolean;
}

const BEARER = /^Bearer +(\S+)$/i;

async function fromBearer(header: string, deps: ApiAuthDeps): Promise<ApiPrincipal> {
  const token = BEARER.exec(header.trim())?.[1];
  if (!token || !TOKEN_SHAPE.test(token)) throw new GatewayError('TOKEN_INVALID', 'malformed Authorization header');
  const found = await deps.findActiveAccessToken(hashToken(token), deps.now());
  if (!found) throw new GatewayError('TOKEN_INVALID', 'unknown, expired or revoked access token');
  const { grant, user } = found;
  if (!deps.connectionEnabled(grant.idpId)) throw new GatewayError('TOKEN_INVALID', `access token of a login through disabled connection ${grant.idpId}`);
  return {
    userId: grant.userId,
    idpId: grant.idpId,
    claims: grant.claims,
    user: { id: user.id, email: user.email, name: user.name },
    via: 'cli',
    expiresAt: grant.absoluteExpiresAt,
    grantId: grant.id,
  };
}

export async function authenticateRequest(headers: Headers, deps: ApiAuthDeps): Promise<ApiPrincipal> {
  const authorization = headers.get('authorization');
  if (authorization !== null) return fromBearer(authorization, deps);
  const session = await deps.currentSession();
  if (!session) throw new GatewayError('UNAUTHENTICATED', 'no bearer token and no active session');
  assertSameOrigin(headers, deps.publicUrl);
  const { user } = session;
  return {
    userId: user.id,
    idpId: session.idpId,
    claims: session.claims,
    user: { id: user.id, email: user.email ?? undefined, name: user.name ?? undefined },
    via: 'web',
    expiresAt: session.expiresAt,
  };
}
