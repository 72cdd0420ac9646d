/**
 * HTML of the emulator's SAML console sign-in (`POST /saml`): the "Select a role" chooser (one radio per
 * offered role, grouped by account) and the error page. Every value is HTML-escaped.
 */
import { CONSOLE_HEADERS } from './console-page';
import { escapeHtml } from './http-util';
import type { RolePair } from './saml-attributes';

const TITLE = 'Amazon Web Services Sign-In (emulator)';

/** The chooser posts back to /saml, so the CSP allows same-origin form actions. */
export const SIGNIN_HEADERS: Record<string, string> = {
  ...CONSOLE_HEADERS,
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head><body>${body}</body></html>\n`;
}

function roleInput(pair: RolePair, index: number): string {
  const value = `${pair.roleArn},${pair.providerArn}`;
  const id = `saml-role-${index}`;
  return (
    `<div><input type="radio" name="role" id="${id}" value="${escapeHtml(value)}"` +
    ` data-testid="saml-role-${escapeHtml(`${pair.accountId}-${pair.roleName}`)}"${index === 0 ? ' checked' : ''}>` +
    `<label for="${id}">${escapeHtml(pair.roleName)}</label></div>`
  );
}

/** "Select a role": radios grouped by account, a hidden one-time handle and a submit button. */
export function chooserPage(action: string, handle: string, pairs: RolePair[]): string {
  const accounts = [...new Set(pairs.map((p) => p.accountId))];
  const groups = accounts.map((account) => {
    const inputs = pairs
      .map((pair, i) => (pair.accountId === account ? roleInput(pair, i) : ''))
      .join('');
    return `<fieldset><legend>Account: ${escapeHtml(account)}</legend>${inputs}</fieldset>`;
  });
  return page(
    `<h1>Select a role:</h1><form method="post" action="${escapeHtml(action)}" data-testid="saml-role-form">` +
      `<input type="hidden" name="handle" value="${escapeHtml(handle)}">` +
      groups.join('') +
      '<button type="submit" data-testid="saml-role-submit">Sign in</button></form>',
  );
}

/** AWS shows a plain page ("Your request included an invalid SAML response…"); the emulator adds why. */
export function signinErrorPage(code: string, message: string): string {
  return page(
    `<h1>${TITLE}</h1><p>Your request included an invalid SAML response or could not be completed.</p>` +
      `<p data-testid="saml-error"><b>${escapeHtml(code)}</b>: ${escapeHtml(message)}</p>`,
  );
}
