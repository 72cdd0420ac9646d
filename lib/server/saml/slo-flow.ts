import 'server-only';
/**
 * Single logout (issue 13 §5), both ways, for connections whose IdP has an HTTP-Redirect
 * SingleLogoutService:
 * - SP-initiated: signing out of a SAML session ends it here first, then sends the browser to the IdP
 *   with our signed LogoutRequest. The IdP's LogoutResponse coming back is not read at all (the session
 *   is already over): the browser lands on the sign-in page.
 * - IdP-initiated: the IdP's LogoutRequest passes our own pipeline (lib/core/saml/sp/logout-request.ts),
 *   then its sessions end (and its CLI logins when the connection says so) in one transaction with the
 *   replay record, and the IdP gets our signed LogoutResponse.
 * Every event is a `signout` ledger row (detail.slo says which); refusals also leave a diagnostics trace.
 */
import { enabledSamlConnection } from '../../core/config/live-connections';
import { GatewayError } from '../../core/errors';
import type { LogoutRequestInput, LogoutStatus, TraceEntry } from '../../core/saml/sp/types';
import { logoutReplayKey, type SamlLogoutResult } from '../../db/repos/saml-logout';
import type { Container } from '../container';
import type { ActiveSession } from '../ports';
import type { RequestMeta } from '../request-meta';
import { getSamlConnection } from './connections';

/** Where a browser lands after single logout: the sign-in page says the IdP session ended too. */
export const SIGNED_OUT_PATH = '/signin?signedOut=idp';

/**
 * SP-initiated: for a SAML session whose IdP takes a LogoutRequest, ends the session and returns the IdP
 * URL to send the browser to; null otherwise (the caller signs out locally, as for OIDC).
 */
export async function startSamlLogout(c: Container, session: ActiveSession | null, meta: RequestMeta): Promise<string | null> {
  const conn = session?.saml && c.config.samlConnections.find((s) => s.id === session.idpId);
  if (!session?.saml || !conn) return null;
  // An IdP whose metadata is unavailable right now still lets the person sign out here.
  const rt = await getSamlConnection(c, conn.id).catch(() => undefined);
  const out = rt?.sp.createLogoutRequest(session.saml);
  if (!out) return null;
  await c.store.revokeSession(session.id, c.now());
  await c.store.audit({ type: 'signout', outcome: 'ok', userId: session.user.id, idpId: session.idpId, ip: meta.ip, userAgent: meta.userAgent, detail: { slo: 'request-sent', requestId: out.id } });
  return out.url;
}

async function ended(c: Container, connectionId: string, meta: RequestMeta, r: SamlLogoutResult, requestId: string): Promise<void> {
  const { sessions, cliLogins, deviceApprovals } = r;
  await c.store.audit({ type: 'signout', outcome: 'ok', userId: r.userIds[0], idpId: connectionId, ip: meta.ip, userAgent: meta.userAgent, detail: { slo: 'request-received', requestId, users: r.userIds.length, sessions, cliLogins, deviceApprovals } });
}

/**
 * IdP-initiated: validates the LogoutRequest, ends what it names and returns the IdP URL carrying our
 * LogoutResponse. A refused request throws its GatewayError (the browser sees the error page; nothing ended).
 */
export async function receiveSamlLogout(c: Container, connectionId: string, input: LogoutRequestInput, meta: RequestMeta): Promise<string> {
  const refused = async (code: GatewayError['code'], trace?: readonly TraceEntry[]) => {
    await c.store.audit({ type: 'signout', outcome: 'failed', code, idpId: connectionId.slice(0, 64), ip: meta.ip, userAgent: meta.userAgent, detail: { slo: 'request-refused' } });
    if (trace) await c.repos.samlTraces.appendSamlTrace({ connectionId, outcome: 'failed', code, checks: trace, attributes: {}, matchedRules: [] });
  };
  let conn;
  let rt;
  try {
    conn = enabledSamlConnection(c.config, connectionId);
    rt = await getSamlConnection(c, connectionId);
    // Without single logout we advertise no SLO endpoint: nothing should have been sent here.
    if (!rt.sp.singleLogout) throw new GatewayError('NOT_FOUND', `single logout is off for ${connectionId}`);
  } catch (e) {
    await refused(e instanceof GatewayError ? e.code : 'INTERNAL');
    throw e;
  }
  const now = c.now();
  const v = await rt.sp.validateLogoutRequest(input, {
    now,
    // Recorded by the commit below, whose primary key decides a race; `seen` refuses a known ID first.
    replay: { seen: (id) => c.repos.samlReplay.isSeen(connectionId, logoutReplayKey(id), now), remember: async () => true },
    onRejected: (r) => refused(r.code, r.trace),
  });
  let status: LogoutStatus = 'Success';
  try {
    const r = await c.repos.samlLogout.endSamlSessions({ connectionId, requestId: v.id, replayUntil: v.replayUntil, nameId: v.nameId, sessionIndexes: v.sessionIndexes, endCliLogins: conn.sloEndsCliLogins, now });
    await ended(c, connectionId, meta, r, v.id);
    await c.repos.samlTraces.appendSamlTrace({ connectionId, outcome: 'ok', nameId: v.nameId, checks: v.trace, attributes: {}, matchedRules: [] });
  } catch (e) {
    const code = e instanceof GatewayError ? e.code : 'INTERNAL';
    await refused(code);
    // A replay was answered when it first came; anything else tells the IdP we could not log out.
    if (code === 'SAML_REPLAY') throw e;
    status = 'Responder';
  }
  return rt.sp.createLogoutResponse(v.id, status, v.relayState) as string;
}
