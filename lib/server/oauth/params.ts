/**
 * Request parameters of the OAuth endpoints. RFC 6749 §3.2 / RFC 8628 §3.1: form-encoded bodies, and a
 * parameter sent twice is an error (not "the last one wins"). JSON objects of strings are accepted too.
 */
import { OAuthError } from '../../core/device/oauth-error';
import { GatewayError } from '../../core/errors';
import { CLI_CLIENT_ID } from './deps';

const MAX_BODY = 4_096;
const invalid = (why: string) => new OAuthError('OAUTH_INVALID_REQUEST', why);

function fromForm(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(params, key)) throw invalid(`parameter ${key.slice(0, 40)} repeated`);
    params[key] = value;
  }
  return params;
}

function fromJson(text: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('body is not JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid('body is not a JSON object');
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw invalid(`parameter ${key.slice(0, 40)} is not a string`);
    params[key] = value;
  }
  return params;
}

export async function readOAuthParams(req: Request): Promise<Record<string, string>> {
  const text = await req.text();
  if (text.length > MAX_BODY) throw invalid('body too large');
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) return fromForm(text);
  if (type.startsWith('application/json')) return fromJson(text);
  throw invalid('content type must be application/x-www-form-urlencoded');
}

export function requireParam(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (!value) throw invalid(`missing ${name}`);
  return value;
}

/** Only the public CLI client exists; a missing or other client_id is invalid_client (RFC 6749 §5.2). */
export function requireCliClient(params: Record<string, string>): string {
  if (params.client_id !== CLI_CLIENT_ID) throw new OAuthError('OAUTH_INVALID_CLIENT', `client_id ${String(params.client_id).slice(0, 40)}`);
  return CLI_CLIENT_ID;
}

export function requireGrantType(params: Record<string, string>, expected: string): void {
  const grantType = requireParam(params, 'grant_type');
  if (grantType !== expected) throw new OAuthError('OAUTH_UNSUPPORTED_GRANT_TYPE', `grant_type ${grantType.slice(0, 80)}`);
}

/**
 * The token a logout names: the bearer access token, else `refresh_token` from a form or JSON body.
 * BAD_REQUEST when neither is given (logout is part of the JSON API, not an OAuth endpoint).
 */
export async function readLogoutToken(req: Request): Promise<string> {
  const authorization = req.headers.get('authorization');
  if (authorization !== null) {
    const token = /^Bearer +(\S+)$/i.exec(authorization.trim())?.[1];
    if (!token) throw new GatewayError('BAD_REQUEST', 'malformed Authorization header', { publicDetail: 'Authorization: Bearer <access token>' });
    return token;
  }
  const params = await readOAuthParams(req).catch((cause: unknown) => {
    throw new GatewayError('BAD_REQUEST', 'unreadable logout body', { cause, publicDetail: 'send Authorization: Bearer <access token> or a form with refresh_token' });
  });
  const token = params.refresh_token;
  if (!token) throw new GatewayError('BAD_REQUEST', 'logout without a token', { publicDetail: 'send Authorization: Bearer <access token> or a form with refresh_token' });
  return token;
}
