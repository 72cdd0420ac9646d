/**
 * A fake Rolegate speaking the /api/v1 contract the CLI codes against (device flow, token
 * refresh with rotation, roles, credentials, console, whoami, logout), plus a one-action STS
 * endpoint for decode-message. It lets the CLI tests run without the real server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { route } from './fake-routes';
import { FakeState } from './fake-state';

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface FakeServer {
  url: string;
  state: FakeState;
  close(): Promise<void>;
}

export async function startFakeServer(state = new FakeState()): Promise<FakeServer> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const key = `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`;
      state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
      const reply = await route(state, req, body);
      const text =
        reply.body === undefined
          ? ''
          : typeof reply.body === 'string'
            ? reply.body
            : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json' });
      res.end(text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
