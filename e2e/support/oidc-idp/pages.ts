/**
 * Plain-HTML pages of the demo IdP: login form, logout auto-confirm, logout success and errors.
 * Every interpolated value goes through `esc`.
 */
import { escapeHtml as esc } from '../http-kit';
import { demoLoginBody, htmlPage } from '../idp-page';
import type { FlavourInfo } from './flavours';
import { DEMO_PASSWORD, usersFor } from './users';

export interface LoginPageOptions {
  flavour: FlavourInfo;
  action: string;
  clientId: string;
  login?: string;
  error?: string;
}

export function loginPage(opts: LoginPageOptions): string {
  return htmlPage(opts.flavour, 'Sign in', demoLoginBody({
    testIds: 'idp',
    password: DEMO_PASSWORD,
    target: opts.clientId,
    action: opts.action,
    login: opts.login,
    error: opts.error,
    users: usersFor(opts.flavour.id),
  }));
}

/** Logout confirmation that submits itself: RP-initiated logout from Rolegate ends the IdP session at once. */
export function logoutPage(flavour: FlavourInfo, form: string): string {
  const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  const body = `
<p>Signing you out…</p>
${confirmed}
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>
<script>document.getElementById('op.logoutForm').submit()</script>`;
  return htmlPage(flavour, 'Sign out', body);
}

export function loggedOutPage(flavour: FlavourInfo): string {
  return htmlPage(flavour, 'Signed out', '<p data-testid="idp-signed-out">You have been signed out of the demo IdP.</p>');
}

export function errorPage(flavour: FlavourInfo, error: string, description?: string): string {
  const detail = description ? `<p>${esc(description)}</p>` : '';
  return htmlPage(flavour, 'Error', `<p class="error" data-testid="idp-error">${esc(error)}</p>${detail}`);
}
