/**
 * next-auth's logging through Rolegate's pino logger (issue 13 §4), via next-auth's public `logger`
 * option: one JSON line per event, and never a state, nonce, PKCE verifier, authorization code or token.
 * Debug events carry exactly those values (authorization URLs, cookies, token sets, profiles), so only
 * their name is logged; errors keep the provider id and a scrubbed error name and message.
 *
 * next-auth v4 keeps one logger per process, so a request cannot be given its own. Instead each auth
 * request runs inside `captureAuthErrors`, and the logger also hands the errors it sees to the request
 * that raised them (AsyncLocalStorage): the route then knows *why* next-auth refused a sign-in.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerInstance } from 'next-auth';
import type pino from 'pino';
import { isGatewayError, type GatewayErrorCode } from '../../core/errors';
import { scrubSecrets } from '../scrub-secrets';

export { scrubSecrets };

/** One error next-auth logged, reduced to what is safe to log and to classify. */
export interface AuthErrorEvent {
  /** next-auth's event name, e.g. `OAUTH_CALLBACK_ERROR`. */
  event: string;
  providerId?: string;
  /** The error's class name (`OAuthCallbackError`, `TypeError`, …). */
  name?: string;
  /** The error's message, scrubbed of anything token-shaped. */
  message?: string;
  /** Set when the error is one of Rolegate's own (a callback threw it). */
  gatewayCode?: GatewayErrorCode;
  /** An IdP's `error_description`, scrubbed. */
  description?: string;
}

const textOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? scrubSecrets(v) : undefined;
/** A class name is an identifier, never a secret: kept as long as it looks like one. */
const nameOf = (v: unknown): string | undefined =>
  typeof v === 'string' && /^[A-Za-z_$][\w$]{0,63}$/.test(v) ? v : undefined;

function describeError(e: unknown): Pick<AuthErrorEvent, 'name' | 'message' | 'gatewayCode'> {
  if (isGatewayError(e))
    return { name: e.name, message: scrubSecrets(e.message), gatewayCode: e.code };
  if (e instanceof Error) return { name: nameOf(e.name), message: textOf(e.message) };
  return {};
}

/** next-auth logs either an Error or `{ error, providerId, … }`: both reduced to an AuthErrorEvent. */
export function toAuthErrorEvent(event: string, metadata: unknown): AuthErrorEvent {
  const m =
    typeof metadata === 'object' && metadata !== null && !(metadata instanceof Error)
      ? (metadata as Record<string, unknown>)
      : undefined;
  const described = describeError(m ? m.error : metadata);
  const providerId = typeof m?.providerId === 'string' ? m.providerId.slice(0, 64) : undefined;
  const description = textOf(m?.error_description);
  return {
    event: event.slice(0, 64),
    ...(providerId ? { providerId } : {}),
    ...described,
    ...(description ? { description } : {}),
  };
}

const captured = new AsyncLocalStorage<AuthErrorEvent[]>();

/** Runs one auth request and returns, besides its result, the errors next-auth logged while serving it. */
export async function captureAuthErrors<T>(
  run: () => Promise<T>,
): Promise<{ result: T; errors: AuthErrorEvent[] }> {
  const errors: AuthErrorEvent[] = [];
  const result = await captured.run(errors, run);
  return { result, errors };
}

/** The `logger` of next-auth's options: pino lines without secrets, errors also handed to the request. */
export function nextAuthLogger(log: () => pino.Logger): LoggerInstance {
  return {
    error(event, metadata) {
      const e = toAuthErrorEvent(event, metadata);
      captured.getStore()?.push(e);
      log().error({ source: 'next-auth', ...e }, 'next-auth error');
    },
    warn(event) {
      log().warn({ source: 'next-auth', event: event.slice(0, 64) }, 'next-auth warning');
    },
    // Debug metadata is authorization URLs, check cookies, token sets and profiles: the name only.
    debug(event) {
      log().debug({ source: 'next-auth', event: event.slice(0, 64) }, 'next-auth debug');
    },
  };
}
