import 'server-only';
/**
 * Rolegate as SAML SP: start an SP-initiated sign-in, and turn a validated response into the same portal
 * session an OIDC sign-in gets. Every outcome leaves an audit event and a diagnostics trace (checks,
 * attributes, matched rules — never the raw response).
 */
import { connectionEnabled } from '../../core/config/parse';
import { GatewayError } from '../../core/errors';
import { safeEqual } from '../../db/crypto';
import { evaluatePolicy } from '../../core/policy/evaluate';
import { samlIdentityClaims } from '../../core/saml/claims';
import type { SamlRejection, ValidateContext } from '../../core/saml/sp/types';
import { startPortalSession } from '../auth/portal-session';
import { sessionSetCookie } from '../auth/session-cookie';
import type { Container } from '../container';
import type { RequestMeta } from '../request-meta';
import { getSamlConnection } from './connections';

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
  if (!connectionEnabled(c.config, connectionId)) throw new GatewayError('CONNECTION_DISABLED', `SAML connection ${connectionId.slice(0, 64)} is disabled`);
  const rt = await getSamlConnection(c, connectionId);
  const { url, id } = rt.sp.createAuthnRequest({ forceAuthn: true });
  await c.repos.samlRequests.rememberRequest({ id, connectionId, expiresAt: new Date(c.now().getTime() + REQUEST_TTL_MS) });
  return { url, requestId: id };
}

function validateContext(c: Container, connectionId: string, meta: RequestMeta, boundRequestId: string | undefined): ValidateContext {
  const now = c.now();
  return {
    now,
    // A request id is consumed only by the browser it was issued to.
    requests: { consume: async (id) => boundRequestId !== undefined && safeEqual(id, boundRequestId) && c.repos.samlRequests.consumeRequest(id, connectionId, now) },
    replay: { remember: (id, expiresAt) => c.repos.samlReplay.rememberAssertion({ connectionId, assertionId: id, expiresAt }, now) },
    onRejected: async (r: SamlRejection) => {
      await c.store.audit({ type: 'signin', outcome: 'failed', code: r.code, idpId: connectionId, ip: meta.ip, userAgent: meta.userAgent, detail: { protocol: 'saml' } });
      await c.repos.samlTraces.appendSamlTrace({ connectionId, outcome: 'failed', code: r.code, checks: r.trace, attributes: {}, matchedRules: [] });
    },
  };
}

/** Validates the posted response and returns the Set-Cookie of the new portal session. */
export async function completeSamlLogin(c: Container, connectionId: string, samlResponse: string, meta: RequestMeta, boundRequestId: string | undefined): Promise<string> {
  if (!connectionEnabled(c.config, connectionId)) {
    await c.store.audit({ type: 'signin', outcome: 'failed', code: 'CONNECTION_DISABLED', idpId: connectionId.slice(0, 64), ip: meta.ip, userAgent: meta.userAgent, detail: { protocol: 'saml' } });
    throw new GatewayError('CONNECTION_DISABLED', `SAML connection ${connectionId.slice(0, 64)} is disabled`);
  }
  const rt = await getSamlConnection(c, connectionId);
  const validated = await rt.sp.validateResponse(samlResponse, validateContext(c, connectionId, meta, boundRequestId));
  let claims;
  try {
    claims = samlIdentityClaims(rt.conn, validated);
  } catch (err) {
    const code = err instanceof GatewayError ? err.code : 'INTERNAL';
    await c.store.audit({ type: 'signin', outcome: 'failed', code, idpId: connectionId, ip: meta.ip, userAgent: meta.userAgent, detail: { protocol: 'saml' } });
    throw err;
  }
  const matched = evaluatePolicy(claims, c.config.rules, c.config.roles).flatMap((g) => g.grantedBy.map((m) => m.ruleId));
  await c.repos.samlTraces.appendSamlTrace({ connectionId, outcome: 'ok', nameId: validated.nameId, checks: validated.trace, attributes: validated.attributes, matchedRules: [...new Set(matched)] });
  const { sid } = await startPortalSession({ store: c.store, maxAgeSeconds: c.config.session.maxAgeSeconds, hashSessionId: c.hashSessionId, now: c.now }, claims, meta);
  return sessionSetCookie({ publicUrl: c.config.publicUrl, secret: c.env.NEXTAUTH_SECRET, sid, maxAgeSeconds: c.config.session.maxAgeSeconds });
}
