/**
 * Content-Encoding for route handlers' compressed answers (lib/server/compress.ts). Next.js drops a
 * `Content-Encoding` (and `Content-Length`) that a route handler's Response carries (send-response.js,
 * FORBIDDEN_HEADERS: a Response from fetch() has a decoded body under its original headers), and it does
 * not compress route handlers' bodies itself. So the handler gzips and says so in ENCODED_HEADER, and this
 * server — which Next answers through — turns that into `Content-Encoding` as the headers go out.
 *
 * A handler compresses only when the request carries CAN_LABEL_HEADER, which this server sets on every
 * request (over whatever a client sent): served any other way, answers go uncompressed unless a client
 * forges the header, and then only that client gets a body it cannot read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CAN_LABEL_HEADER = 'x-rolegate-can-label-encoding';
export const ENCODED_HEADER = 'x-rolegate-content-encoding';
const CODINGS = new Set(['gzip']);

function relabel(res: ServerResponse): void {
  const value = res.getHeader(ENCODED_HEADER);
  if (value === undefined) return;
  res.removeHeader(ENCODED_HEADER);
  // Next.js copies a Response's headers with appendHeader, which can leave a one-element array.
  const coding = Array.isArray(value) ? value.join(', ') : String(value);
  // Never two codings under one label: a body someone else already encoded is left as it is.
  if (!CODINGS.has(coding) || res.hasHeader('content-encoding')) return;
  res.setHeader('Content-Encoding', coding);
  res.removeHeader('Content-Length');
}

/**
 * Marks `req` as served by a server that labels encodings, and relabels `res` just before its headers
 * are written (explicitly or by the first write: Node's implicit header goes through writeHead too).
 */
export function labelEncodings(req: IncomingMessage, res: ServerResponse): void {
  req.headers[CAN_LABEL_HEADER] = '1';
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    relabel(res);
    return writeHead(status, ...rest);
  }) as ServerResponse['writeHead'];
}
