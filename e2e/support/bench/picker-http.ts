/**
 * Raw HTTP for the picker bench: what goes over the wire (bytes before decoding), time to first byte, and
 * the decoded body. Playwright's request API decodes bodies itself, which hides whether they were compressed.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import type { BrowserContext } from '@playwright/test';

export interface RawResponse {
  status: number;
  contentEncoding: string;
  /** Bytes received on the wire (after transfer decoding, before content decoding). */
  wireBytes: number;
  /** The decoded body. */
  body: Buffer;
  ttfbMs: number;
  /** Request → last byte: the whole server render for a streamed page. */
  totalMs: number;
}

function decode(encoding: string, raw: Buffer): Buffer {
  if (encoding === 'gzip') return zlib.gunzipSync(raw);
  if (encoding === 'br') return zlib.brotliDecompressSync(raw);
  if (encoding === 'deflate') return zlib.inflateSync(raw);
  return raw;
}

export function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { headers }, (res) => {
      const ttfbMs = performance.now() - t0;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const contentEncoding = String(res.headers['content-encoding'] ?? 'identity');
        try {
          const totalMs = performance.now() - t0;
          resolve({ status: res.statusCode ?? 0, contentEncoding, wireBytes: raw.length, body: decode(contentEncoding, raw), ttfbMs, totalMs });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${url} timed out`)));
  });
}

/** The signed-in context's cookies for `url`, as a Cookie header. */
export async function cookieHeader(context: BrowserContext, url: string): Promise<string> {
  return (await context.cookies(url)).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Bytes of the React Server Components payload embedded in an App Router page (`self.__next_f.push(…)` scripts). */
export function embeddedDataBytes(html: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/<script[^>]*>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)) bytes += Buffer.byteLength(m[1] ?? '');
  return bytes;
}

/** Sum of the scripts' sizes as served and gzipped (level 9, as Next's "First Load JS" counts them). */
export async function scriptSizes(urls: readonly string[]): Promise<{ count: number; rawBytes: number; gzipBytes: number }> {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const url of new Set(urls)) {
    const res = await rawGet(url, { 'accept-encoding': 'identity' });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    rawBytes += res.body.length;
    gzipBytes += zlib.gzipSync(res.body, { level: 9 }).length;
  }
  return { count: new Set(urls).size, rawBytes, gzipBytes };
}
