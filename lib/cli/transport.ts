/**
 * One HTTP(S) request on node:http/https. Not fetch: loading undici costs Node 20 more start-up
 * time than the whole warm credential_process run (measured in bench.ts), and every cache miss
 * and token refresh pays it. Redirects are not followed, so a bearer token never leaves for
 * another URL. The module for the scheme is loaded on first use only.
 */
import type { IncomingMessage } from 'node:http';

export interface RawResponse {
  status: number;
  text: string;
}

export interface RawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
  /** No byte for this long (connect, headers or body) fails with a TimeoutError. */
  timeoutMs: number;
}

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms / 1000} s`);
    this.name = 'TimeoutError';
  }
}

function collect(res: IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () =>
      resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
    );
    res.on('error', reject);
  });
}

export async function send(url: URL, req: RawRequest): Promise<RawResponse> {
  const mod = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const headers = { ...req.headers };
  if (req.method !== 'GET') headers['content-length'] = String(Buffer.byteLength(req.body ?? ''));
  return new Promise((resolve, reject) => {
    // agent: false — one connection per request, closed after it: nothing keeps the process alive.
    const options = { method: req.method, headers, agent: false, timeout: req.timeoutMs } as const;
    const request = mod.request(url, options, (res) => collect(res).then(resolve, reject));
    request.on('timeout', () => request.destroy(new TimeoutError(req.timeoutMs)));
    request.on('error', reject);
    request.end(req.body);
  });
}
