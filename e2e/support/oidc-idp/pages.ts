/**
 * Plain-HTML pages of the demo IdP: login form, logout auto-confirm, logout success and errors.
 * Every interpolated value goes through `esc`.
 */
import type { FlavourInfo } from './flavours';
import { DEMO_PASSWORD, usersFor } from './users';

export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(flavour: FlavourInfo, heading: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(heading)} · ${esc(flavour.title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:2rem}
main{max-width:26rem;margin:0 auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;border-top:6px solid ${flavour.colour}}
h1{font-size:1.3rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.5rem}
button{margin-top:1rem;padding:.6rem 1.2rem;background:${flavour.colour};color:#fff;border:0;border-radius:4px}
.note{background:#fff4ce;padding:.5rem;border-radius:4px}.error{color:#a4262c;font-weight:600}
ul{padding-left:1.2rem}code{font-size:.9em}
</style>${head}
</head>
<body><main>
<p><strong>${esc(flavour.title)}</strong></p>
<h1>${esc(heading)}</h1>
${body}
</main></body>
</html>`;
}

export interface LoginPageOptions {
  flavour: FlavourInfo;
  action: string;
  clientId: string;
  login?: string;
  error?: string;
}

export function loginPage(opts: LoginPageOptions): string {
  const users = usersFor(opts.flavour.id)
    .map((u) => `<li><code>${esc(u.login)}</code> — ${esc(u.summary)}</li>`)
    .join('\n');
  const error = opts.error ? `<p class="error" role="alert" data-testid="idp-error">${esc(opts.error)}</p>` : '';
  const body = `
<p class="note" data-testid="idp-demo-note">Demo IdP — every password is ‘${esc(DEMO_PASSWORD)}’</p>
<p>Signing in to <code>${esc(opts.clientId)}</code></p>
${error}
<form method="post" action="${esc(opts.action)}" autocomplete="off">
<label for="login">Username</label>
<input id="login" name="login" data-testid="idp-login" required autofocus value="${esc(opts.login ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" data-testid="idp-password" required>
<button type="submit" data-testid="idp-submit">Sign in</button>
</form>
<h2>Demo users</h2>
<ul data-testid="idp-users">
${users}
</ul>`;
  return layout(opts.flavour, 'Sign in', body);
}

/** Logout confirmation that submits itself: RP-initiated logout from Rolegate ends the IdP session at once. */
export function logoutPage(flavour: FlavourInfo, form: string): string {
  const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  const body = `
<p>Signing you out…</p>
${confirmed}
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>
<script>document.getElementById('op.logoutForm').submit()</script>`;
  return layout(flavour, 'Sign out', body);
}

export function loggedOutPage(flavour: FlavourInfo): string {
  return layout(flavour, 'Signed out', '<p data-testid="idp-signed-out">You have been signed out of the demo IdP.</p>');
}

export function errorPage(flavour: FlavourInfo, error: string, description?: string): string {
  const detail = description ? `<p>${esc(description)}</p>` : '';
  return layout(flavour, 'Error', `<p class="error" data-testid="idp-error">${esc(error)}</p>${detail}`);
}
