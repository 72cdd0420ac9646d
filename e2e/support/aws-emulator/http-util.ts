/** Small helpers over node:http shared by the emulator's routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody as readLimited } from '../http-kit';
import type { ReceivedRequest } from './sigv4';

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return readLimited(
    req,
    limit,
    () => new BodyTooLargeError(`request body exceeds ${limit} bytes`),
  );
}

/** Query-protocol parameters: the form body (POST) followed by the query string. */
export function requestParams(req: IncomingMessage, url: URL, body: Buffer): URLSearchParams {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const isForm = req.method === 'POST' && type.startsWith('application/x-www-form-urlencoded');
  const params = new URLSearchParams(isForm ? body.toString('utf8') : '');
  for (const [key, value] of url.searchParams) params.append(key, value);
  return params;
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

/** The request as SigV4 verification sees it (sts-auth.ts). */
export function receivedRequest(req: IncomingMessage, url: URL, body: Buffer): ReceivedRequest {
  return {
    method: req.method ?? 'POST',
    path: decodedPath(url),
    query: queryObject(url.searchParams),
    headers: req.headers,
    body,
  };
}

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function redirect(
  res: ServerResponse,
  location: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', 'content-length': 0, ...headers });
  res.end();
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
