/**
 * The one network step of console federation (AWS-FACTS §1.4): getSigninToken, then the login URL.
 */
import { GatewayError, isGatewayError } from '../errors';
import {
  buildGetSigninTokenRequest,
  buildLoginUrl,
  parseSigninTokenResponse,
  type SigninTokenRequestInput,
} from './signin-url';

/** Default for {@link FetchLoginUrlInput.timeoutMs}. */
export const DEFAULT_FEDERATION_TIMEOUT_MS = 10_000;

/** Input for {@link fetchConsoleLoginUrl}. */
export interface FetchLoginUrlInput extends SigninTokenRequestInput {
  issuer: string;
  destination: string;
  /** Abort getSigninToken after this long (default 10 s). */
  timeoutMs?: number;
}

/**
 * Calls getSigninToken with `fetchFn` (injected: the real `fetch`, or a fake in tests) and returns
 * the console login URL. Fails with `CONSOLE_SIGNIN_FAILED` on a network error, a timeout or a bad
 * answer; the cause is kept for the log, the request URL (which holds the credentials) is never put
 * into an error.
 */
export async function fetchConsoleLoginUrl(
  fetchFn: typeof fetch,
  input: FetchLoginUrlInput,
): Promise<string> {
  const requestUrl = buildGetSigninTokenRequest(input);
  const timeoutMs = input.timeoutMs ?? DEFAULT_FEDERATION_TIMEOUT_MS;
  let status: number;
  let bodyText: string;
  try {
    const res = await fetchFn(requestUrl, {
      method: 'GET',
      headers: { accept: 'application/json' },
      // A federation endpoint has no reason to redirect: report the status instead of following it.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    bodyText = await res.text();
  } catch (cause) {
    if (isGatewayError(cause)) throw cause;
    const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
    const what = timedOut ? `timed out after ${timeoutMs} ms` : 'could not be reached';
    throw new GatewayError('CONSOLE_SIGNIN_FAILED', `getSigninToken ${what}`, {
      cause,
      publicDetail: `the AWS federation endpoint ${what}`,
    });
  }
  const signinToken = parseSigninTokenResponse(status, bodyText);
  return buildLoginUrl({
    federationUrl: input.federationUrl,
    issuer: input.issuer,
    destination: input.destination,
    signinToken,
  });
}
