/**
 * The demo IdP's own interaction pages (oidc-provider `interactions.url` points here, under the issuer's path):
 *   GET  <prefix>/interaction/<uid>        login prompt → login form; consent prompt → auto-granted
 *   POST <prefix>/interaction/<uid>/login  checks login + password (never logged), finishes the login prompt
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { errors, type InteractionDetails, type Provider } from 'oidc-provider';

import { readForm, sendPage } from '../http-kit';
import type { FlavourInfo } from './flavours';
import { errorPage, loginPage } from './pages';
import { DEMO_PASSWORD, findUserByLogin } from './users';

export interface Issuer {
  readonly provider: Provider;
  readonly flavour: FlavourInfo;
  /** Path prefix of the issuer, e.g. `/okta`. */
  readonly prefix: string;
}

const MAX_BODY = 16 * 1024;

function readLoginForm(req: IncomingMessage): Promise<URLSearchParams> {
  return readForm(req, MAX_BODY, () => new Error('request body too large'));
}

/** Grants every scope/claim the consent prompt asks for, as oidc-provider's own dev interactions do. */
async function autoConsent(provider: Provider, details: InteractionDetails): Promise<string> {
  const { prompt, params, session, grantId } = details;
  const clientId = params.client_id;
  if (!session || !clientId) throw new Error('consent prompt without a session or client');
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId: session.accountId, clientId });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  return grant.save();
}

function renderLogin(idp: Issuer, res: ServerResponse, details: InteractionDetails, status: number, error?: string, login?: string): void {
  sendPage(res, status, loginPage({
    flavour: idp.flavour,
    action: `${idp.prefix}/interaction/${encodeURIComponent(details.uid)}/login`,
    clientId: details.params.client_id ?? '',
    login: login ?? details.params.login_hint,
    error,
  }));
}

async function submitLogin(idp: Issuer, req: IncomingMessage, res: ServerResponse, details: InteractionDetails): Promise<void> {
  const form = await readLoginForm(req);
  const login = form.get('login') ?? '';
  const user = findUserByLogin(idp.flavour.id, login);
  if (!user || form.get('password') !== DEMO_PASSWORD) {
    renderLogin(idp, res, details, 401, 'Invalid username or password.', login);
    return;
  }
  await idp.provider.interactionFinished(req, res, { login: { accountId: user.sub, amr: ['pwd'] } }, {
    mergeWithLastSubmission: false,
  });
}

async function dispatch(idp: Issuer, req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> {
  const [uid, action, ...extra] = rest.split('/');
  const details = await idp.provider.interactionDetails(req, res);
  if (!uid || details.uid !== decodeURIComponent(uid) || extra.length > 0) {
    sendPage(res, 404, errorPage(idp.flavour, 'Unknown sign-in request'));
    return;
  }
  if (req.method === 'GET' && action === undefined) {
    if (details.prompt.name === 'login') {
      renderLogin(idp, res, details, 200);
      return;
    }
    if (details.prompt.name === 'consent') {
      const grantId = await autoConsent(idp.provider, details);
      await idp.provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    sendPage(res, 501, errorPage(idp.flavour, `Unsupported prompt ${details.prompt.name}`));
    return;
  }
  if (req.method === 'POST' && action === 'login' && details.prompt.name === 'login') {
    await submitLogin(idp, req, res, details);
    return;
  }
  sendPage(res, 405, errorPage(idp.flavour, 'Unsupported request'));
}

/** Handles `<prefix>/interaction/<rest>`; `rest` is the path after `/interaction/`, without the query. */
export async function handleInteraction(idp: Issuer, req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> {
  try {
    await dispatch(idp, req, res, rest);
  } catch (err) {
    if (res.headersSent) return;
    if (err instanceof errors.SessionNotFound) {
      sendPage(res, 400, errorPage(idp.flavour, 'Sign-in session not found or expired', 'Go back to the application and sign in again.'));
      return;
    }
    console.error(`[demo-idp ${idp.flavour.id}] interaction failed: ${err instanceof Error ? err.message : String(err)}`);
    sendPage(res, 500, errorPage(idp.flavour, 'Something went wrong'));
  }
}
