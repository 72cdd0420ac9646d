/**
 * The AWS federation endpoint (AWS-FACTS §1.4): `Action=getSigninToken` exchanges live temporary
 * credentials for a 15-minute single-use sign-in token; `Action=login` redeems it, sets the console
 * session cookie and redirects to Destination (which must be this emulator's `/console`).
 */
import type { ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';
import { escapeHtml, redirect, send } from './http-util';
import { constantTimeEqual } from './sha256';

export const CONSOLE_COOKIE = 'aws-emulator-console';
const SESSION_KEYS = ['sessionId', 'sessionKey', 'sessionToken'];

class FederationError extends Error {
  override readonly name = 'FederationError';
}

/** AWS answers federation mistakes with a bare 400 page ("Invalid Credentials Parameter" …). */
function errorPage(message: string): string {
  return (
    `<html><head><title>400 Bad Request</title></head><body><h1>HTTP Status 400 - ${escapeHtml(message)}</h1>` +
    `<p><b>message</b> ${escapeHtml(message)}</p>` +
    '<p><b>description</b> The request sent by the client was syntactically incorrect.</p></body></html>\n'
  );
}

function parseSession(raw: string | null): Record<string, string> {
  let session: unknown;
  try {
    session = JSON.parse(raw ?? '');
  } catch {
    throw new FederationError('Invalid Credentials Parameter');
  }
  if (typeof session !== 'object' || session === null || Array.isArray(session)) {
    throw new FederationError('Invalid Credentials Parameter');
  }
  const entries = Object.entries(session);
  const exact =
    entries.length === SESSION_KEYS.length &&
    entries.every(([k, v]) => SESSION_KEYS.includes(k) && typeof v === 'string');
  if (!exact) throw new FederationError('Invalid Credentials Parameter');
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
}

function parseSessionDuration(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const value = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 900 && value <= 43200)) throw new FederationError('Invalid SessionDuration');
  return value;
}

function getSigninToken(ctx: EmulatorContext, params: URLSearchParams): string {
  const session = parseSession(params.get('Session'));
  const duration = parseSessionDuration(params.get('SessionDuration'));
  const cred = ctx.credentials.get(session['sessionId'] ?? '');
  const keyOk =
    cred !== undefined && constantTimeEqual(session['sessionKey'] ?? '', cred.secretAccessKey);
  const tokenOk =
    cred !== undefined && constantTimeEqual(session['sessionToken'] ?? '', cred.sessionToken);
  if (!cred || !keyOk || !tokenOk || ctx.credentials.status(cred, ctx.now()) !== 'live') {
    throw new FederationError('Invalid Credentials Parameter');
  }
  const token = ctx.federation.createSigninToken(cred.accessKeyId, duration, ctx.now());
  return JSON.stringify({ SigninToken: token });
}

/** The URL when it is an http(s) URL under `<publicUrl>/console`, else undefined. */
export function consoleUrl(
  ctx: EmulatorContext,
  raw: string | null | undefined,
): string | undefined {
  let dest: URL;
  try {
    dest = new URL(raw ?? '');
  } catch {
    return undefined;
  }
  const base = new URL(ctx.publicUrl);
  const underConsole = dest.pathname === '/console' || dest.pathname.startsWith('/console/');
  const ok = /^https?:$/.test(dest.protocol) && dest.origin === base.origin && underConsole;
  return ok ? dest.href : undefined;
}

/** Opens a console session for the credential: sets the session cookie and redirects to `destination`. */
export function startConsoleSession(
  ctx: EmulatorContext,
  res: ServerResponse,
  session: { accessKeyId: string; lifetimeMs: number; destination: string },
): void {
  const id = ctx.federation.createConsoleSession({
    accessKeyId: session.accessKeyId,
    expiresAt: ctx.now() + session.lifetimeMs,
  });
  const secure = ctx.publicUrl.startsWith('https:') ? '; Secure' : '';
  const maxAge = Math.floor(session.lifetimeMs / 1000);
  const cookie = `${CONSOLE_COOKIE}=${id}; Path=/console; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
  redirect(res, session.destination, { 'set-cookie': cookie });
}

function login(ctx: EmulatorContext, params: URLSearchParams, res: ServerResponse): void {
  const destination = consoleUrl(ctx, params.get('Destination'));
  if (destination === undefined) throw new FederationError('Invalid Destination');
  const nowMs = ctx.now();
  const redeemed = ctx.federation.redeemSigninToken(params.get('SigninToken') ?? '', nowMs);
  if (!redeemed.ok) throw new FederationError(`Invalid SigninToken (${redeemed.reason})`);
  const cred = ctx.credentials.get(redeemed.record.accessKeyId);
  if (!cred || ctx.credentials.status(cred, nowMs) === 'revoked')
    throw new FederationError('Invalid SigninToken');
  const lifetimeMs =
    redeemed.record.sessionDurationSec !== undefined
      ? redeemed.record.sessionDurationSec * 1000
      : cred.expiration - nowMs;
  if (lifetimeMs <= 0) throw new FederationError('Invalid SigninToken (credentials expired)');
  startConsoleSession(ctx, res, { accessKeyId: cred.accessKeyId, lifetimeMs, destination });
}

/** `/federation` with its query-protocol parameters (form body and query string). */
export function handleFederation(
  ctx: EmulatorContext,
  res: ServerResponse,
  params: URLSearchParams,
): void {
  try {
    const action = params.get('Action');
    if (action === 'getSigninToken') {
      send(res, 200, 'application/json', getSigninToken(ctx, params));
    } else if (action === 'login') {
      login(ctx, params, res);
    } else {
      throw new FederationError('Invalid Action');
    }
  } catch (err) {
    if (!(err instanceof FederationError)) throw err;
    send(res, 400, 'text/html; charset=utf-8', errorPage(err.message));
  }
}
