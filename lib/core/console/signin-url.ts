/**
 * Console federation URLs (AWS-FACTS §1.4; [UG id_roles_providers_enable-console-custom-url]):
 * 1. `GET <federation>?Action=getSigninToken[&SessionDuration=N]&Session=<urlenc JSON>` →
 *    `{"SigninToken":…}`;
 * 2. `<federation>?Action=login&Issuer=…&Destination=…&SigninToken=…` — the URL the browser is sent
 *    to.
 *
 * Both URLs are secrets (the first carries the credentials, the second is a 15-minute bearer link):
 * never log them.
 */
import { GatewayError } from '../errors';
import type { Credentials } from '../types';
import { assertAwsValue } from '../aws/patterns';

/** Input for {@link buildGetSigninTokenRequest}. */
export interface SigninTokenRequestInput {
  /** From `federationEndpointUrl()` (lib/core/aws/endpoints). */
  federationUrl: string;
  credentials: Credentials;
  /**
   * 900–43200. Only for AssumeRole* credentials: AWS fails it for role-chained credentials
   * (AWS-FACTS §0.4, §1.4). Omit it and the console session lasts as long as the credentials.
   */
  sessionDurationSeconds?: number;
}

/** Input for {@link buildLoginUrl}. */
export interface LoginUrlInput {
  federationUrl: string;
  /** Rolegate's URL: where AWS sends the user when the console session ends. */
  issuer: string;
  /** Console page to land on, from `consoleDestination()`. */
  destination: string;
  signinToken: string;
}

/**
 * Parses an absolute http(s) URL or throws `CONFIG_INVALID` (these URLs come from config or our own
 * code).
 */
export function httpUrl(value: string, what: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const web = url?.protocol === 'https:' || url?.protocol === 'http:';
  if (!url || !web || url.username || url.password) {
    throw new GatewayError('CONFIG_INVALID', `${what} is not an http(s) URL`, {
      publicDetail: `the ${what} must be an absolute http(s) URL`,
    });
  }
  return url;
}

/**
 * The getSigninToken URL. `Session` is the JSON `{"sessionId","sessionKey","sessionToken"}` —
 * exactly those keys (AWS-FACTS §1.4) — form-encoded by URLSearchParams (as the AWS sample's
 * `quote_plus`). Throws `AWS_VALUE_INVALID` for a duration outside 900–43200 or an empty credential
 * field.
 */
export function buildGetSigninTokenRequest(input: SigninTokenRequestInput): string {
  const url = httpUrl(input.federationUrl, 'federation endpoint');
  const { accessKeyId, secretAccessKey, sessionToken } = input.credentials;
  if (!accessKeyId || !secretAccessKey || !sessionToken) {
    throw new GatewayError('AWS_VALUE_INVALID', 'getSigninToken: empty credential field', {
      publicDetail: 'console sign-in needs an access key id, secret access key and session token',
    });
  }
  url.searchParams.set('Action', 'getSigninToken');
  if (input.sessionDurationSeconds !== undefined) {
    assertAwsValue('durationSeconds', input.sessionDurationSeconds);
    url.searchParams.set('SessionDuration', String(input.sessionDurationSeconds));
  }
  const session = { sessionId: accessKeyId, sessionKey: secretAccessKey, sessionToken };
  url.searchParams.set('Session', JSON.stringify(session));
  return url.href;
}

/**
 * Reads the getSigninToken answer: HTTP 200 with a JSON object holding a non-empty string
 * `SigninToken`. Anything else is `CONSOLE_SIGNIN_FAILED`; the body never goes into the error (it
 * may echo the credentials), only the status and what was wrong.
 */
export function parseSigninTokenResponse(status: number, bodyText: string): string {
  const fail = (what: string): GatewayError =>
    new GatewayError('CONSOLE_SIGNIN_FAILED', `getSigninToken: ${what}`, {
      publicDetail: `AWS federation ${what}`,
    });
  if (status !== 200) throw fail(`endpoint answered HTTP ${status}`);
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    throw fail('endpoint answered with something other than JSON');
  }
  const token =
    typeof body === 'object' && body !== null
      ? (body as { SigninToken?: unknown }).SigninToken
      : undefined;
  if (typeof token !== 'string' || token.length === 0) throw fail('answer has no SigninToken');
  return token;
}

/**
 * The console login URL: `Action=login&Issuer=…&Destination=…&SigninToken=…`. Valid for 15 minutes
 * and a bearer secret: deliver it with a 302 over TLS, never log it (AWS-FACTS §1.4).
 */
export function buildLoginUrl(input: LoginUrlInput): string {
  const url = httpUrl(input.federationUrl, 'federation endpoint');
  const issuer = httpUrl(input.issuer, 'issuer');
  const destination = httpUrl(input.destination, 'console destination');
  if (!input.signinToken) {
    throw new GatewayError('CONSOLE_SIGNIN_FAILED', 'login URL: empty SigninToken');
  }
  url.searchParams.set('Action', 'login');
  url.searchParams.set('Issuer', issuer.href);
  url.searchParams.set('Destination', destination.href);
  url.searchParams.set('SigninToken', input.signinToken);
  return url.href;
}
