/**
 * The fake AWS Management Console at `/console/...`: shows who is signed in (assumed-role ARN, session
 * name), the region (`?region=`, default us-east-1) and the service (first path segment after /console).
 * Without a live console-session cookie it answers 403 "not signed in".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';
import type { IssuedCredential } from './credential-store';
import { CONSOLE_COOKIE } from './federation';
import { escapeHtml, parseCookies, send } from './http-util';

const TITLE = 'AWS Management Console (emulator)';
export const CONSOLE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

export interface ConsoleLocation {
  service: string;
  region: string;
}

/** `/console/s3/home?region=eu-west-1` → `{ service: 's3', region: 'eu-west-1' }`; `/console` → `home`. */
export function consoleLocation(url: URL): ConsoleLocation {
  const rest = url.pathname.replace(/^\/console\/?/, '');
  const service = rest.split('/')[0] || 'home';
  return { service, region: url.searchParams.get('region') || 'us-east-1' };
}

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head><body>${body}</body></html>\n`;
}

function signedOutPage(reason: string): string {
  return page(
    `<h1>${TITLE}</h1><p data-testid="console-signed-out">You are not signed in. ${escapeHtml(reason)}</p>`,
  );
}

function row(label: string, testId: string, value: string): string {
  return `<dt>${label}</dt><dd><span data-testid="${testId}">${escapeHtml(value)}</span></dd>`;
}

function signedInPage(cred: IssuedCredential, where: ConsoleLocation, expiresAt: number): string {
  return page(
    `<h1>${TITLE}</h1><dl>` +
      row('Assumed role', 'console-arn', cred.assumedRoleArn) +
      row('Session name', 'console-session-name', cred.sessionName) +
      row('Account', 'console-account', cred.accountId) +
      row('Region', 'console-region', where.region) +
      row('Service', 'console-service', where.service) +
      row('Source identity', 'console-source-identity', cred.sourceIdentity ?? '') +
      row('Console session expires', 'console-expires', new Date(expiresAt).toISOString()) +
      '</dl>',
  );
}

export function handleConsole(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const id = parseCookies(req.headers.cookie).get(CONSOLE_COOKIE);
  const nowMs = ctx.now();
  const session = id === undefined ? undefined : ctx.federation.consoleSession(id, nowMs);
  const cred = session && ctx.credentials.get(session.accessKeyId);
  const type = 'text/html; charset=utf-8';
  if (!session || !cred) {
    send(
      res,
      403,
      type,
      signedOutPage('Sign in through the federation endpoint first.'),
      CONSOLE_HEADERS,
    );
    return;
  }
  if (ctx.credentials.status(cred, nowMs) === 'revoked') {
    send(res, 403, type, signedOutPage('The session of this role was revoked.'), CONSOLE_HEADERS);
    return;
  }
  send(
    res,
    200,
    type,
    signedInPage(cred, consoleLocation(url), session.expiresAt),
    CONSOLE_HEADERS,
  );
}
