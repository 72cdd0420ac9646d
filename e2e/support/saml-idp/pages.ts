/**
 * Plain-HTML pages of the test SAML IdP: login form, the self-submitting HTTP-POST binding form carrying the
 * SAMLResponse to the SP's ACS, and errors. Every interpolated value goes through `esc`.
 */
import { escapeHtml as esc } from '../http-kit';
import { demoLoginBody, htmlPage } from '../idp-page';
import type { ShapeInfo } from './shapes';
import { DEMO_PASSWORD, usersFor } from './users';

function layout(shape: ShapeInfo, heading: string, body: string): string {
  return htmlPage(shape, heading, body, ' · SAML 2.0');
}

export interface LoginPageOptions {
  shape: ShapeInfo;
  action: string;
  /** Id of the pending sign-in (hidden field). */
  pending: string;
  spEntityId: string;
  login?: string;
  error?: string;
}

export function loginPage(opts: LoginPageOptions): string {
  return layout(opts.shape, 'Sign in', demoLoginBody({
    testIds: 'saml-idp',
    password: DEMO_PASSWORD,
    target: opts.spEntityId,
    targetTestId: 'sp',
    action: opts.action,
    hidden: { pending: opts.pending },
    login: opts.login,
    error: opts.error,
    users: usersFor(opts.shape.id).map((u) => ({ login: u.person.login, summary: u.summary })),
  }));
}

/** The HTTP-POST binding: a form that submits itself to the SP's ACS (a button when scripts are off). */
export function postPage(shape: ShapeInfo, acsUrl: string, samlResponse: string, relayState: string | undefined): string {
  const relay = relayState === undefined ? '' : `\n<input type="hidden" name="RelayState" value="${esc(relayState)}"/>`;
  const body = `
<p>Signing you in…</p>
<form id="saml-post" method="post" action="${esc(acsUrl)}" data-testid="saml-idp-post">
<input type="hidden" name="SAMLResponse" value="${esc(samlResponse)}"/>${relay}
<noscript><button type="submit">Continue</button></noscript>
</form>
<script>document.getElementById('saml-post').submit()</script>`;
  return layout(shape, 'Signing in', body);
}

export function errorPage(shape: ShapeInfo, error: string, description?: string): string {
  const detail = description ? `<p>${esc(description)}</p>` : '';
  return layout(shape, 'Error', `<p class="error" data-testid="saml-idp-error">${esc(error)}</p>${detail}`);
}
