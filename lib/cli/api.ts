/**
 * The HTTP side of the /api/v1 contract: one request function and the mapping of error bodies
 * (`{ error: { code, message } }`, or RFC 6749 `{ error: "invalid_grant" }`) to CliErrors.
 */
import { isClientSafeCode } from '../core/errors';
import { CliError, EXIT } from './errors';
import { isRecord } from './files';
import { TimeoutError, send, type RawResponse } from './transport';

export const CLIENT_ID = 'rolegate-cli';
const TIMEOUT_MS = 30_000;
const USER_AGENT = 'rolegate-cli/1';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** application/x-www-form-urlencoded body (the OAuth endpoints). */
  form?: Record<string, string>;
  /** JSON body (the resource endpoints). */
  json?: unknown;
  bearer?: string;
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: unknown;
}

/** The server could not be reached (refused, reset, DNS, timeout): worth retrying later. */
export class NetworkFailure extends CliError {
  constructor(server: string, cause: unknown) {
    super('INTERNAL', EXIT.FAILURE, `cannot reach ${server}: ${networkReason(cause)}`, { cause });
    this.name = 'NetworkFailure';
  }
}

function networkReason(e: unknown): string {
  if (e instanceof TimeoutError) return e.message;
  // ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE…
  if (e instanceof Error && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.message : String(e);
}

function parseBody(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function encode(req: ApiRequest): { headers: Record<string, string>; body?: string } {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
  if (req.bearer) headers.authorization = `Bearer ${req.bearer}`;
  if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { headers, body: new URLSearchParams(req.form).toString() };
  }
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    return { headers, body: JSON.stringify(req.json) };
  }
  return { headers };
}

/** Calls `<server>/api/v1/<route>`. Throws only for network failures; statuses are returned. */
export async function call(
  server: string,
  route: string,
  req: ApiRequest = {},
): Promise<ApiResponse> {
  const { headers, body } = encode(req);
  const method = req.method ?? (body === undefined ? 'GET' : 'POST');
  let res: RawResponse;
  try {
    res = await send(new URL(`${server}/api/v1/${route}`), {
      method,
      headers,
      body,
      timeoutMs: TIMEOUT_MS,
    });
  } catch (e) {
    throw new NetworkFailure(server, e);
  }
  return { status: res.status, body: parseBody(res.text) };
}

/** The RFC 6749 §5.2 / RFC 8628 §3.5 error string, if the body is one. */
export function oauthError(res: ApiResponse): string | undefined {
  return isRecord(res.body) && typeof res.body.error === 'string' ? res.body.error : undefined;
}

/** `{ error: { code, message } }` → the CliError to report. 403/404 → EXIT.FORBIDDEN. */
export function apiError(res: ApiResponse): CliError {
  const error = isRecord(res.body) && isRecord(res.body.error) ? res.body.error : undefined;
  const rawCode = typeof error?.code === 'string' ? error.code : undefined;
  const text = typeof error?.message === 'string' ? error.message : undefined;
  const code = rawCode && isClientSafeCode(rawCode) ? rawCode : 'INTERNAL';
  const exit = res.status === 403 || res.status === 404 ? EXIT.FORBIDDEN : EXIT.FAILURE;
  const what = text ?? `unexpected answer from the server (HTTP ${res.status})`;
  const suffix = rawCode ? ` [${rawCode}, HTTP ${res.status}]` : '';
  return new CliError(code, exit, `${what}${suffix}`);
}

/** The body of a 2xx response; otherwise throws apiError. */
export function expectOk(res: ApiResponse): unknown {
  if (res.status >= 200 && res.status < 300) return res.body;
  throw apiError(res);
}
