/**
 * Rewrites a request's forwarding headers before Next.js sees it, so that everything downstream
 * (requestMeta, audit rows, the device approval page, per-IP rate limits) reads one address we chose.
 * Next only fills `x-forwarded-for` when it is absent (base-server.js: `??= socket.remoteAddress`), so a
 * client-sent value would otherwise win.
 */
import type { IncomingMessage } from 'node:http';
import { clientIp } from './client-ip';

/** Client-IP headers other than X-Forwarded-For: nothing must be able to read a client-chosen address. */
const OTHER_IP_HEADERS = ['x-real-ip', 'forwarded'] as const;
/**
 * Without a proxy in front, these were written by the client. Deleting them lets Next fill them from the
 * socket and the Host header as `next start` does for a client that sends none. With proxies, they are
 * the proxy's to set (it must overwrite them, as nginx's `proxy_set_header` and AWS ALB do).
 */
const PROXY_ONLY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'] as const;

export function applyClientIp(req: IncomingMessage, trustedHops: number): void {
  const ip = clientIp({ forwardedFor: req.headers['x-forwarded-for'], peer: req.socket.remoteAddress }, trustedHops);
  // Empty rather than absent when unknown: absent would let Next put the proxy's address there.
  req.headers['x-forwarded-for'] = ip ?? '';
  for (const name of OTHER_IP_HEADERS) delete req.headers[name];
  if (trustedHops === 0) for (const name of PROXY_ONLY_HEADERS) delete req.headers[name];
}
