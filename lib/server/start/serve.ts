/**
 * Rolegate's production HTTP server: Next.js (programmatic API, `next({ dev: false })`) behind a plain
 * node:http server that decides the client's address from the socket before Next sees the request
 * (forwarded-headers.ts). Route handlers cannot see the socket, and `next start` keeps a client-sent
 * X-Forwarded-For, hence this server. Otherwise it does what `next start` does: same port and hostname
 * (they also make Next's absolute request URLs), keep-alive timeout, graceful close.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';
import type pino from 'pino';
import { drain, type DrainResult } from './drain';
import { requestIdFor, requestStorage } from '../request-context';
import { labelEncodings } from './content-encoding';
import { applyClientIp } from './forwarded-headers';
import type { StartOptions } from './options';

export interface ServeOptions extends StartOptions {
  trustedProxyHops: number;
}

export interface RunningServer {
  /** Stops accepting connections, lets requests in flight finish (at most `timeoutMs`), then closes Next. */
  close(timeoutMs: number): Promise<DrainResult>;
}

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function requestListener(handle: Handle, trustedProxyHops: number, log: pino.Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIdFor(req.headers['x-request-id'], trustedProxyHops);
    res.setHeader('X-Request-Id', requestId);
    try {
      applyClientIp(req, trustedProxyHops);
      labelEncodings(req, res);
      await requestStorage().run({ requestId }, () => handle(req, res));
    } catch (err) {
      log.error({ code: 'INTERNAL', requestId, err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'request failed');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  };
}

/**
 * Rolegate serves no WebSockets. Next adds its own upgrade listener on the first request (in production
 * it only proxies upgrades to external rewrites, and Rolegate has none); ours runs first and closes the
 * socket, so no upgrade reaches Next with client-written forwarding headers or hangs unanswered.
 */
function refuseUpgrade(_req: IncomingMessage, socket: Duplex): void {
  socket.destroy();
}

function listen(server: Server, port: number, hostname: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function serve(opts: ServeOptions, log: pino.Logger): Promise<RunningServer> {
  const app = next({ dev: false, dir: opts.dir, hostname: opts.hostname, port: opts.port });
  await app.prepare();
  const server = createServer(requestListener(app.getRequestHandler(), opts.trustedProxyHops, log));
  if (opts.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = opts.keepAliveTimeoutMs;
  server.on('upgrade', refuseUpgrade);
  await listen(server, opts.port, opts.hostname);
  let closing: Promise<DrainResult> | undefined;
  const close = (timeoutMs: number) => {
    closing ??= drain(server, () => app.close(), timeoutMs);
    return closing;
  };
  return { close };
}
