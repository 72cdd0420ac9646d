/**
 * HTTP endpoints of one shape, under its prefix (e.g. `/adfs`):
 *   GET  <prefix>/metadata                         IdP metadata
 *   GET  <prefix>/sso?SAMLRequest=…&RelayState=…   SP-initiated, HTTP-Redirect binding → login form
 *   POST <prefix>/sso (SAMLRequest, RelayState)    SP-initiated, HTTP-POST binding → login form
 *   GET  <prefix>/idp-init?sp=<entityId>[&RelayState=…]  IdP-initiated → login form
 *   POST <prefix>/login                            checks login + password (never logged) → auto-POST to the ACS
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { readForm, sendPage } from '../http-kit';
import type { RegisteredSp, ShapeRuntime } from './entities';
import { issueSamlResponse } from './issue';
import { errorPage, loginPage, postPage } from './pages';
import { acceptAuthnRequest, type PendingSignIn, PendingSignIns, SsoError } from './sso';
import { DEMO_PASSWORD, findUser } from './users';

export interface IdpState {
  readonly sps: ReadonlyMap<string, RegisteredSp>;
  readonly pending: PendingSignIns;
}

const MAX_BODY = 256 * 1024;

function readSsoForm(req: IncomingMessage): Promise<URLSearchParams> {
  return readForm(req, MAX_BODY, () => new SsoError(400, 'Request body too large'));
}

function showLogin(rt: ShapeRuntime, res: ServerResponse, pendingId: string, pending: PendingSignIn, status = 200, error?: string, login?: string): void {
  sendPage(res, status, loginPage({
    shape: rt.info, action: `${rt.prefix}/login`, pending: pendingId, spEntityId: pending.sp.entityId, error, login,
  }));
}

function startSignIn(state: IdpState, rt: ShapeRuntime, res: ServerResponse, pending: PendingSignIn): void {
  showLogin(rt, res, state.pending.add(pending), pending);
}

function idpInitiated(state: IdpState, rt: ShapeRuntime, res: ServerResponse, query: URLSearchParams): void {
  const entityId = query.get('sp') ?? '';
  const sp = state.sps.get(entityId);
  if (!sp) throw new SsoError(403, `Unknown service provider: ${entityId || '(no sp parameter)'}`);
  startSignIn(state, rt, res, {
    shape: rt.info.id, sp, acsUrl: sp.acsUrls[0] ?? '', relayState: query.get('RelayState') ?? undefined,
  });
}

async function submitLogin(state: IdpState, rt: ShapeRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readSsoForm(req);
  const pendingId = form.get('pending') ?? '';
  const pending = state.pending.get(pendingId, rt.info.id);
  if (!pending) throw new SsoError(400, 'Sign-in request not found or expired');
  const login = form.get('login') ?? '';
  const user = findUser(rt.info.id, login);
  if (!user || form.get('password') !== DEMO_PASSWORD) {
    showLogin(rt, res, pendingId, pending, 401, 'Invalid username or password.', login);
    return;
  }
  state.pending.delete(pendingId);
  const samlResponse = await issueSamlResponse(rt, user, { entityId: pending.sp.entityId, acsUrl: pending.acsUrl }, {
    inResponseTo: pending.requestId, nameIdFormat: pending.nameIdFormat,
  });
  sendPage(res, 200, postPage(rt.info, pending.acsUrl, samlResponse, pending.relayState));
}

async function dispatch(state: IdpState, rt: ShapeRuntime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname.slice(rt.prefix.length)}`;
  const rawQuery = url.search.slice(1);
  switch (route) {
    case 'GET /metadata':
      return sendPage(res, 200, rt.metadataXml, 'application/samlmetadata+xml');
    case 'GET /sso':
      return startSignIn(state, rt, res, await acceptAuthnRequest(rt, state.sps, { binding: 'redirect', params: url.searchParams, rawQuery }));
    case 'POST /sso':
      return startSignIn(state, rt, res, await acceptAuthnRequest(rt, state.sps, { binding: 'post', params: await readSsoForm(req) }));
    case 'GET /idp-init':
      return idpInitiated(state, rt, res, url.searchParams);
    case 'POST /login':
      return submitLogin(state, rt, req, res);
    default:
      return sendPage(res, 404, errorPage(rt.info, 'Not found'));
  }
}

export async function handleShape(state: IdpState, rt: ShapeRuntime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    await dispatch(state, rt, req, res, url);
  } catch (err) {
    if (res.headersSent) return;
    if (err instanceof SsoError) {
      sendPage(res, err.status, errorPage(rt.info, err.message, 'Go back to the application and sign in again.'));
      return;
    }
    console.error(`[saml-idp ${rt.info.id}] ${err instanceof Error ? err.message : String(err)}`);
    sendPage(res, 500, errorPage(rt.info, 'Something went wrong'));
  }
}
