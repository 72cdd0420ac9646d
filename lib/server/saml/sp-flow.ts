import 'server-only';
/**
 * Rolegate as SAML SP: start an SP-initiated sign-in, and turn a validated response into the same portal
 * session an OIDC sign-in gets. Every outcome leaves an audit event and a diagnostics trace (checks,
 * attributes, matched rules — never the raw response).
 */
import { enabledSamlConnection } from '../../core/config/live-connections';
import { GatewayError } from '../../core/errors';
import { sessionSetCookie } from '../auth/session-cookie';
import type { Container } from '../container';
import type { RequestMeta } from '../request-meta';
import { acceptSamlResponse, countSigninFailures, type AcsDeps } from './acs-accept';
import { getSamlConnection, type SamlConnectionRuntime } from './connections';

const REQUEST_TTL_MS = 10 * 60_000;

/**
 * The AuthnRequest id is also bound to the browser that started the sign-in (a cookie the ACS checks), so
 * a response obtained by someone else cannot be replayed into a victim's browser (login CSRF).
 * SameSite=None because the IdP posts to the ACS from another site; Secure (browsers allow it on localhost).
 */
export const SAML_REQUEST_COOKIE = 'rolegate_saml_request';

export function samlRequestCookie(id: string | undefined): string {
  const value = id ?? '';
  const maxAge = id ? REQUEST_TTL_MS / 1000 : 0;
  return `${SAML_REQUEST_COOKIE}=${value}; Path=/saml; HttpOnly; Secure; SameSite=None; Max-Age=${maxAge}`;
}

export async function startSamlLogin(c: Container, connectionId: string): Promise<{ url: string; requestId: string }> {
  enabledSamlConnection(c.config, connectionId);
  const rt = await getSamlConnection(c, connectionId);
  const { url, id } = rt.sp.createAuthnRequest({ forceAuthn: rt.conn.forceAuthn });
  await c.repos.samlRequests.rememberRequest({ id, connectionId, expiresAt: new Date(c.now().getTime() + REQUEST_TTL_MS) });
  return { url, requestId: id };
}

function acsDeps(c: Container, meta: RequestMeta, connectionId: string): AcsDeps {
  const configured = c.config.samlConnections.some((s) => s.id === connectionId);
  const signinFailed = countSigninFailures(c.repos, c.now, meta, configured ? connectionId : '');
  return { config: c.config, repos: c.repos, store: c.store, signinFailed, hashSessionId: c.hashSessionId, now: c.now };
}

/** Validates the posted response and returns the Set-Cookie of the new portal session. */
export async function completeSamlLogin(c: Container, connectionId: string, samlResponse: string, meta: RequestMeta, boundRequestId: string | undefined): Promise<string> {
  const deps = acsDeps(c, meta, connectionId);
  let rt: SamlConnectionRuntime;
  try {
    enabledSamlConnection(c.config, connectionId);
    // The IdP's metadata out of reach (SAML_METADATA_UNAVAILABLE) is a refused sign-in too (issue 14 §5).
    rt = await getSamlConnection(c, connectionId);
  } catch (e) {
    if (e instanceof GatewayError) await deps.signinFailed(e.code);
    throw e;
  }
  const { sid } = await acceptSamlResponse(deps, { conn: rt.conn, sp: rt.sp, samlResponse, meta, boundRequestId });
  return sessionSetCookie({ publicUrl: c.config.publicUrl, secret: c.env.NEXTAUTH_SECRET, sid, maxAgeSeconds: c.config.session.maxAgeSeconds });
}
