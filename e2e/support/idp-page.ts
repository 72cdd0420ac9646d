/**
 * The plain-HTML pages both demo IdPs (oidc-idp/, saml-idp/) are built from: the common page frame in the
 * IdP's accent colour, and the demo login form listing the demo users. Every interpolated value is escaped.
 */
import { escapeHtml as esc } from './http-kit';

export interface PageTheme {
  /** Shown in the title and above the heading, e.g. "Okta (demo)". */
  readonly title: string;
  /** Accent colour (top border, buttons); a trusted constant, not escaped. */
  readonly colour: string;
}

/** A whole page in the common frame; `tagline` (trusted markup) follows the theme's title. */
export function htmlPage(theme: PageTheme, heading: string, body: string, tagline = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(heading)} · ${esc(theme.title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:2rem}
main{max-width:26rem;margin:0 auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;border-top:6px solid ${theme.colour}}
h1{font-size:1.3rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.5rem}
button{margin-top:1rem;padding:.6rem 1.2rem;background:${theme.colour};color:#fff;border:0;border-radius:4px}
.note{background:#fff4ce;padding:.5rem;border-radius:4px}.error{color:#a4262c;font-weight:600}
ul{padding-left:1.2rem}code{font-size:.9em}
</style>
</head>
<body><main>
<p><strong>${esc(theme.title)}</strong>${tagline}</p>
<h1>${esc(heading)}</h1>
${body}
</main></body>
</html>`;
}

export interface DemoLoginForm {
  /** Prefix of every data-testid: `idp` gives idp-login, idp-password, idp-submit, idp-error, … */
  readonly testIds: string;
  /** The demo password, announced in the note above the form. */
  readonly password: string;
  /** What the user signs in to (client id, SP entity id); `targetTestId` suffixes its data-testid if set. */
  readonly target: string;
  readonly targetTestId?: string;
  readonly action: string;
  /** Hidden fields posted with the login, in order. */
  readonly hidden?: Readonly<Record<string, string>>;
  /** Pre-filled username. */
  readonly login?: string;
  readonly error?: string;
  readonly users: readonly { readonly login: string; readonly summary: string }[];
}

/** The body of a login page: demo note, target, error, username/password form, demo users. */
export function demoLoginBody(form: DemoLoginForm): string {
  const id = form.testIds;
  const users = form.users.map((u) => `<li><code>${esc(u.login)}</code> — ${esc(u.summary)}</li>`).join('\n');
  const error = form.error ? `<p class="error" role="alert" data-testid="${id}-error">${esc(form.error)}</p>` : '';
  const targetId = form.targetTestId ? ` data-testid="${id}-${form.targetTestId}"` : '';
  const hidden = Object.entries(form.hidden ?? {})
    .map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}"/>\n`)
    .join('');
  return `
<p class="note" data-testid="${id}-demo-note">Demo IdP — every password is ‘${esc(form.password)}’</p>
<p>Signing in to <code${targetId}>${esc(form.target)}</code></p>
${error}
<form method="post" action="${esc(form.action)}" autocomplete="off">
${hidden}<label for="login">Username</label>
<input id="login" name="login" data-testid="${id}-login" required autofocus value="${esc(form.login ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" data-testid="${id}-password" required>
<button type="submit" data-testid="${id}-submit">Sign in</button>
</form>
<h2>Demo users</h2>
<ul data-testid="${id}-users">
${users}
</ul>`;
}
