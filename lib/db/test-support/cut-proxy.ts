/**
 * A TCP proxy between the app's database client and PostgreSQL that a test cuts, as a crashed server or
 * a network partition looks to the client (issue 14 §5): every open connection is reset and new ones are
 * refused until the test restores it. `cutWhenSent` cuts at an exact point of a request — the moment
 * the client sends a statement containing a marker, before the server sees it — so "the database went
 * down between this write and that one" is a deterministic test rather than a race.
 */
import net from 'node:net';

export interface CutProxy {
  /** The database URL through the proxy (same database, user and options). */
  url: string;
  /** Resets every open connection and stops accepting new ones (connection refused). */
  cut(): Promise<void>;
  /**
   * Arms a cut: the first time a client sends bytes containing `marker` (say, `INSERT INTO
   * "public"."AuditEvent"`), those bytes are dropped and the proxy cuts. Resolves once it has.
   */
  cutWhenSent(marker: string): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  /** Connections accepted since the start (a recovering pool opens new ones). */
  accepted(): number;
  close(): Promise<void>;
}

interface Armed {
  marker: Buffer;
  done: () => void;
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

/** Starts a proxy to the host and port of `databaseUrl` (a postgres:// URL). */
export async function startCutProxy(databaseUrl: string): Promise<CutProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  let armed: Armed | undefined;
  let accepted = 0;
  let server: net.Server | undefined;

  const closeListener = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  const cut = async () => {
    const listenerClosed = closeListener();
    for (const s of sockets) s.destroy();
    sockets.clear();
    await listenerClosed;
  };

  /** Client → server bytes, watched for the armed marker (also across two chunks). */
  const watch = (client: net.Socket, upstream: net.Socket) => {
    let tail = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      const a = armed;
      if (a) {
        const seen = Buffer.concat([tail, chunk]);
        if (seen.includes(a.marker)) {
          armed = undefined;
          void cut().then(a.done);
          return;
        }
        tail = seen.subarray(Math.max(0, seen.length - a.marker.length + 1));
      }
      upstream.write(chunk);
    });
  };

  const onConnection = (client: net.Socket) => {
    accepted += 1;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    watch(client, upstream);
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
  };

  server = net.createServer(onConnection);
  const port = await listen(server, 0);
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    cut,
    cutWhenSent: (marker) => new Promise<void>((resolve) => (armed = { marker: Buffer.from(marker, 'utf8'), done: resolve })),
    async restore() {
      if (server) return;
      server = net.createServer(onConnection);
      await listen(server, port);
    },
    accepted: () => accepted,
    close: cut,
  };
}
