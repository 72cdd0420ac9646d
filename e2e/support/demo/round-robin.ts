/**
 * A small round-robin HTTP proxy on loopback, in front of several Rolegate instances (issue 14 §3): each
 * request goes to the next backend in turn, so consecutive requests of one browser or script land on
 * different instances. A backend that refuses the connection is skipped for that request, as a load
 * balancer's health check would, so a stopped instance does not fail requests the others can serve.
 * The client's address is appended to X-Forwarded-For (run the instances with ROLEGATE_TRUSTED_PROXY_HOPS).
 * A test may pin a request to one backend with `X-Fleet-Instance: <index>` (removed before forwarding), to
 * say "on A" and "on B" while its browser keeps the one public origin.
 */
import http from 'node:http';

export const PIN_HEADER = 'x-fleet-instance';

export interface RoundRobinProxy {
  /** How many requests each backend answered, in backend order. */
  readonly served: number[];
  close(): Promise<void>;
}

type Attempt = (index: number, tried: number) => void;

function forwardedFor(req: http.IncomingMessage): string {
  const prior = req.headers['x-forwarded-for'];
  const client = req.socket.remoteAddress ?? 'unknown';
  return prior ? `${String(prior)}, ${client}` : client;
}

interface Counts {
  served: number[];
}

function handler(backends: readonly URL[], counts: Counts, next: () => number): http.RequestListener {
  return (req, res) => {
    // The body is buffered so a request can be replayed on another backend when the first refuses.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt: Attempt = (index, tried) => {
        const target = backends[index]!;
        const headers: http.OutgoingHttpHeaders = { ...req.headers, host: req.headers.host ?? target.host, 'x-forwarded-for': forwardedFor(req) };
        delete headers[PIN_HEADER];
        const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers }, (answer) => {
          counts.served[index] = (counts.served[index] ?? 0) + 1;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNREFUSED' && tried + 1 < backends.length) return attempt((index + 1) % backends.length, tried + 1);
          if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
          res.end(`proxy: ${err.code ?? err.message}`);
        });
        upstream.end(body);
      };
      const pinned = Number(req.headers[PIN_HEADER]);
      if (Number.isInteger(pinned) && pinned >= 0 && pinned < backends.length) attempt(pinned, backends.length);
      else attempt(next(), 0);
    });
  };
}

/** Listens on 127.0.0.1 and ::1 (when the host has it) at `port`, so `localhost` reaches it either way. */
export async function startRoundRobinProxy(port: number, backendUrls: readonly string[]): Promise<RoundRobinProxy> {
  const backends = backendUrls.map((u) => new URL(u));
  const counts: Counts = { served: backends.map(() => 0) };
  let turn = 0;
  const listener = handler(backends, counts, () => turn++ % backends.length);
  const servers: http.Server[] = [];
  for (const host of ['127.0.0.1', '::1']) {
    const server = http.createServer(listener);
    server.keepAliveTimeout = 5_000;
    const ok = await new Promise<boolean>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => (host === '::1' && err.code === 'EADDRNOTAVAIL' ? resolve(false) : reject(err)));
      server.listen(port, host, () => resolve(true));
    });
    if (ok) servers.push(server);
  }
  return {
    ...counts,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
