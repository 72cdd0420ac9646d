/**
 * Plain-HTML pages of the test SAML IdP: login form, the self-submitting HTTP-POST binding form carrying the
 * SAMLResponse to the SP's ACS, and errors. Every interpolated value goes through `esc`.
 */
import type { ShapeInfo } from './shapes';
import { DEMO_PASSWORD, usersFor } from './users';

export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(shape: ShapeInfo, heading: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(heading)} · ${esc(shape.title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:2rem}
main{max-width:26rem;margin:0 auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;border-top:6px solid ${shape.colour}}
h1{font-size:1.3rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.5rem}
button{margin-top:1rem;padding:.6rem 1.2rem;background:${shape.colour};color:#fff;border:0;border-radius:4px}
.note{background:#fff4ce;padding:.5rem;border-radius:4px}.error{color:#a4262c;font-weight:600}
ul{padding-left:1.2rem}code{font-size:.9em}
</style>
</head>
<body><main>
<p><strong>${esc(shape.title)}</strong> · SAML 2.0</p>
<h1>${esc(heading)}</h1>
${body}
</main></body>
</html>`;
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
  const users = usersFor(opts.shape.id)
    .map((u) => `<li><code>${esc(u.person.login)}</code> — ${esc(u.summary)}</li>`)
    .join('\n');
  const error = opts.error ? `<p class="error" role="alert" data-testid="saml-idp-error">${esc(opts.error)}</p>` : '';
  const body = `
<p class="note" data-testid="saml-idp-demo-note">Demo IdP — every password is ‘${esc(DEMO_PASSWORD)}’</p>
<p>Signing in to <code data-testid="saml-idp-sp">${esc(opts.spEntityId)}</code></p>
${error}
<form method="post" action="${esc(opts.action)}" autocomplete="off">
<input type="hidden" name="pending" value="${esc(opts.pending)}"/>
<label for="login">Username</label>
<input id="login" name="login" data-testid="saml-idp-login" required autofocus value="${esc(opts.login ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" data-testid="saml-idp-password" required>
<button type="submit" data-testid="saml-idp-submit">Sign in</button>
</form>
<h2>Demo users</h2>
<ul data-testid="saml-idp-users">
${users}
</ul>`;
  return layout(opts.shape, 'Sign in', body);
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
