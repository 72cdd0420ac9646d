/**
 * Plain node:http plumbing shared by the local stand-ins (demo OIDC IdP, demo SAML IdP, AWS emulator):
 * listening on localhost (127.0.0.1, plus ::1 when there is one), closing with every connection dropped,
 * reading a bounded request body or form, HTML escaping and sending a page (the IdPs' page frame: idp-page.ts).
 */
import http, { type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Escapes `& < > " '` as numeric character references, for text and attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Sends a page (HTML unless `type` says otherwise), never cached and never framed. */
export function sendPage(res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
  res.end(body);
}

/** The whole request body; past `limit` bytes it stops reading and throws `tooLarge()`. */
export async function readBody(req: IncomingMessage, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) throw tooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** An `application/x-www-form-urlencoded` body (UTF-8), read as `readBody` does. */
export async function readForm(req: IncomingMessage, limit: number, tooLarge: () => Error): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req, limit, tooLarge)).toString('utf8'));
}

/** Listens on `host:port` (0 = a free port) and resolves with the bound port. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops listening and drops every open (keep-alive) connection. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

export interface LocalhostServer {
  /** The bound port. */
  readonly port: number;
  /** Serves the same handler on ::1 with the same port, when this host has an IPv6 loopback. */
  addIpv6(): Promise<void>;
  /** Closes every listener (see closeServer). */
  close(): Promise<void>;
}

/**
 * Serves `onRequest` on 127.0.0.1 at once; `addIpv6()` then adds ::1 on the same port, so whichever address a
 * browser or Node resolves `localhost` to reaches it. The two steps let a caller that needs the bound port
 * (for its own URLs) finish setting up in between.
 */
export async function listenLocalhost(onRequest: RequestListener, port: number): Promise<LocalhostServer> {
  const v4 = http.createServer(onRequest);
  const bound = await listen(v4, port, '127.0.0.1');
  const servers: Server[] = [v4];
  return {
    port: bound,
    addIpv6: async () => {
      const v6 = http.createServer(onRequest);
      try {
        await listen(v6, bound, '::1');
        servers.push(v6);
      } catch {
        // No IPv6 loopback here: 127.0.0.1 alone serves localhost.
      }
    },
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
