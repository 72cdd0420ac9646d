/**
 * next-auth configuration. next-auth runs the OIDC dance (state, nonce, PKCE, ID token verification);
 * Rolegate decides: signIn rejects claims that fail normalizeClaims (with a client-safe code), jwt creates
 * the revocable server-side session and keeps only its id in the (encrypted) cookie, signOut revokes it.
 */
import type { NextAuthOptions } from 'next-auth';
import type pino from 'pino';
import type { RolegateConfig } from '../../core/config/parse';
import { GatewayError } from '../../core/errors';
import { normalizeClaims, type RawClaims } from '../../core/idp/claims';
import type { RequestMeta } from '../request-meta';
import type { Store } from '../ports';
import { assertIssuedByNow } from './id-token-time';
import { nextAuthLogger } from './next-auth-logger';
import { startPortalSession } from './portal-session';
import { oidcProvider } from './providers';

export interface AuthDeps {
  config: RolegateConfig;
  secret: string;
  clientSecrets: ReadonlyMap<string, string>;
  store: Store;
  hashSessionId: (sid: string) => string;
  now: () => Date;
  /** Rolegate's pino logger: next-auth logs through it (next-auth-logger.ts). */
  log: () => pino.Logger;
}

function claimsFor(deps: AuthDeps, provider: string | undefined, profile: unknown) {
  const idp = deps.config.idps.find((i) => i.id === provider && !i.disabled);
  if (!idp || !profile || typeof profile !== 'object') throw new GatewayError('OIDC_CLAIMS_INVALID', `no profile for ${provider}`);
  return normalizeClaims(idp, profile as RawClaims);
}

export function buildAuthOptions(deps: AuthDeps, meta: RequestMeta): NextAuthOptions {
  const { config, store } = deps;
  return {
    secret: deps.secret,
    session: { strategy: 'jwt', maxAge: config.session.maxAgeSeconds },
    // A disabled IdP is not a provider at all: next-auth refuses to start or finish a sign-in with it.
    providers: config.idps.filter((idp) => !idp.disabled).map((idp) => oidcProvider(idp, deps.clientSecrets.get(idp.id) ?? '')),
    pages: { signIn: '/signin', error: '/error', signOut: '/signin' },
    // Refusals reach Rolegate's error page through the route (auth-route.ts), which reads their causes here.
    logger: nextAuthLogger(deps.log),
    callbacks: {
      async signIn({ account, profile }) {
        try {
          assertIssuedByNow(profile, deps.now());
          claimsFor(deps, account?.provider, profile);
          return true;
        } catch (err) {
          const code = err instanceof GatewayError ? err.code : 'INTERNAL';
          const raw = (profile ?? {}) as RawClaims;
          await store.audit({ type: 'signin', outcome: 'failed', code, idpId: account?.provider, subject: typeof raw.sub === 'string' ? raw.sub : undefined, ip: meta.ip, userAgent: meta.userAgent });
          return `/error?error=${code}`;
        }
      },
      async jwt({ token, account, profile }) {
        if (!account) return token;
        const claims = claimsFor(deps, account.provider, profile);
        const { sid } = await startPortalSession({ ...deps, maxAgeSeconds: config.session.maxAgeSeconds }, claims, meta);
        // The cookie keeps only the session id: no name, email, picture or IdP tokens.
        return { sid };
      },
      async session({ session }) {
        return { expires: session.expires };
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          /* not a URL */
        }
        return `${baseUrl}/roles`;
      },
    },
    events: {
      async signOut({ token }) {
        const sid = typeof token?.sid === 'string' ? token.sid : undefined;
        if (!sid) return;
        const id = deps.hashSessionId(sid);
        const session = await store.getActiveSession(id, deps.now());
        await store.revokeSession(id, deps.now());
        if (session) await store.audit({ type: 'signout', outcome: 'ok', userId: session.user.id, idpId: session.idpId, ip: meta.ip, userAgent: meta.userAgent });
      },
    },
  };
}
