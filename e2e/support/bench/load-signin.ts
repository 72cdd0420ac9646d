/**
 * The two sign-ins of the load phase, driven over HTTP as a browser drives them (e2e/fixtures/signin.ts):
 * - OIDC: next-auth's CSRF token → POST /api/auth/signin/<idp> → the demo IdP's login form (oidc-provider)
 *   → /api/auth/callback/<idp> → /roles;
 * - SAML: /saml/<c>/login → the demo SAML IdP's login form → its auto-POST of the SAMLResponse to
 *   /saml/<c>/acs → /roles.
 * Each ends with the /roles page rendered by whichever instance the proxy picks, so a sign-in counts only
 * when its session works fleet-wide. The IdP sees a new browser every time (a fresh jar): a full login.
 */
import { CookieJar, formAction, hiddenInputs, navigate, postForm, type Navigation } from '../oidc-idp/testkit';
import { DEMO_PASSWORD } from '../oidc-idp/users';
import { type AppClient, locationOf } from './load-http';
import { StepFailure } from './load-record';

export const SESSION_COOKIE = 'next-auth.session-token';

/** `&#NN;` references (the demo pages' escaping) back to characters. */
const unescape = (s: string) => s.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));

async function idpStep(app: AppClient, step: string, run: () => Promise<Navigation>): Promise<Navigation> {
  const t0 = performance.now();
  try {
    return await run();
  } catch (err) {
    throw new StepFailure(step, `transport ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    app.rec.step(step, performance.now() - t0);
  }
}

async function pageOf(nav: Navigation, step: string): Promise<string> {
  const html = await nav.res.text();
  if (nav.res.status !== 200 || nav.leftTo) throw new StepFailure(step, `IdP answered HTTP ${nav.res.status}${nav.leftTo ? ` → ${nav.leftTo.pathname}` : ''}`);
  return html;
}

/** After the ACS or the OIDC callback: on /roles with a session, and the page renders. */
async function landOnRoles(app: AppClient, redirect: URL, step: string): Promise<void> {
  if (redirect.origin !== app.origin || redirect.pathname !== '/roles') throw new StepFailure(step, `sent to ${redirect.pathname}${redirect.search}`);
  if (!app.hasCookie(SESSION_COOKIE)) throw new StepFailure(step, 'no session cookie');
  await app.send('/roles', { step: 'roles-page', expected: [200] });
}

export async function signInOidc(app: AppClient, idpUrl: string, idpId: string, login: string): Promise<void> {
  app.reset();
  const csrf = await app.send('/api/auth/csrf', { step: 'auth-csrf', expected: [200] });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken?: string };
  if (!csrfToken) throw new StepFailure('auth-csrf', 'no csrfToken');
  const started = await app.postForm(`/api/auth/signin/${idpId}`, { csrfToken, callbackUrl: `${app.origin}/roles` }, { step: 'auth-signin', expected: [302] });
  const authorize = locationOf(started, 'auth-signin', app.origin);
  const idpOrigin = new URL(idpUrl).origin;
  if (authorize.origin !== idpOrigin) throw new StepFailure('auth-signin', `sent to ${authorize.pathname}${authorize.search} instead of the IdP`);
  const idpJar = new CookieJar();
  const form = await idpStep(app, 'idp-authorize', () => navigate(idpJar, idpOrigin, authorize.href));
  const action = new URL(unescape(formAction(await pageOf(form, 'idp-authorize'))), form.url).href;
  const back = await idpStep(app, 'idp-login', () => navigate(idpJar, idpOrigin, action, postForm({ login, password: DEMO_PASSWORD })));
  if (!back.leftTo) throw new StepFailure('idp-login', `IdP answered HTTP ${back.res.status} instead of returning`);
  await back.res.body?.cancel();
  const callback = await app.send(back.leftTo.href, { step: 'auth-callback', expected: [302] });
  await landOnRoles(app, locationOf(callback, 'auth-callback', app.origin), 'auth-callback');
}

export async function signInSaml(app: AppClient, samlIdpUrl: string, connection: string, login: string): Promise<void> {
  app.reset();
  const started = await app.send(`/saml/${connection}/login`, { step: 'saml-login', expected: [302] });
  const sso = locationOf(started, 'saml-login', app.origin);
  const idpOrigin = new URL(samlIdpUrl).origin;
  if (sso.origin !== idpOrigin) throw new StepFailure('saml-login', `sent to ${sso.origin} instead of the IdP`);
  const idpJar = new CookieJar();
  const form = await idpStep(app, 'saml-idp-sso', () => navigate(idpJar, idpOrigin, sso.href));
  const loginHtml = await pageOf(form, 'saml-idp-sso');
  const action = new URL(unescape(formAction(loginHtml)), form.url).href;
  const fields = { ...hiddenInputs(loginHtml), login, password: DEMO_PASSWORD };
  const posted = await idpStep(app, 'saml-idp-login', () => navigate(idpJar, idpOrigin, action, postForm(fields)));
  const postHtml = await pageOf(posted, 'saml-idp-login');
  const acs = unescape(formAction(postHtml));
  const response = Object.fromEntries(Object.entries(hiddenInputs(postHtml)).map(([k, v]) => [k, unescape(v)]));
  if (!response.SAMLResponse) throw new StepFailure('saml-idp-login', 'no SAMLResponse in the IdP page');
  // The browser posts the IdP's form cross-site: its Origin is the IdP's.
  const done = await app.postForm(acs, response, { step: 'saml-acs', expected: [303], headers: { origin: idpOrigin } });
  await landOnRoles(app, locationOf(done, 'saml-acs', app.origin), 'saml-acs');
}
