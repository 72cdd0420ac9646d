/**
 * The demo world run as a fleet (issue 14 §3 and §5): several Rolegate processes on one PostgreSQL
 * database behind a round-robin proxy on loopback, all with the same public URL (the proxy's), config file
 * and secrets, as an operator runs them behind a load balancer. Used by the multi-instance e2e spec and
 * the benchmark's load phase.
 */
import type { ChildProcess } from 'node:child_process';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin';
import type { DemoPorts } from './demo-config';
import { rolegateEnv, spawnRolegate, startEmulatorFor, startIdps, waitForHealth } from './stack';

export interface FleetOptions {
  /** `app` is the proxy's port (the public URL); instance i listens on `instancePorts[i]`. */
  ports: DemoPorts;
  instancePorts: readonly number[];
  dataDir: string;
  /** A PostgreSQL URL: the instances share it. */
  databaseUrl: string;
  appStdio?: 'inherit' | 'ignore';
  /** Extra environment for every instance (e.g. ROLEGATE_TRUSTED_PROXY_HOPS). */
  env?: Record<string, string>;
}

export interface Instance {
  readonly url: string;
  pid(): number;
  /** Starts the process (again) and waits until /api/ready answers 200. */
  start(): Promise<void>;
  /** Sends `signal` and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface Fleet {
  appUrl: string;
  idpUrl: string;
  samlIdpUrl: string;
  awsUrl: string;
  instances: Instance[];
  proxy: RoundRobinProxy;
  close(): Promise<void>;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function instance(env: NodeJS.ProcessEnv, port: number, stdio: 'inherit' | 'ignore'): Instance {
  let child: ChildProcess | undefined;
  const url = `http://localhost:${port}`;
  return {
    url,
    pid: () => child?.pid ?? -1,
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) throw new Error(`instance ${url} is already running`);
      child = spawnRolegate(env, port, stdio);
      await waitForHealth(url, child);
    },
    async stop(signal = 'SIGTERM') {
      if (!child) return null;
      const exited = exitOf(child);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** IdPs, N instances started together (they race on migrations and keys, as a fleet's first start does), proxy, emulator. */
export async function startFleet(opts: FleetOptions): Promise<Fleet> {
  const env = { ...rolegateEnv(opts), ...opts.env };
  const appUrl = `http://localhost:${opts.ports.app}`;
  const [idp, saml] = await startIdps(opts.ports, opts.dataDir);
  const instances = opts.instancePorts.map((port) => instance(env, port, opts.appStdio ?? 'inherit'));
  let proxy: RoundRobinProxy | undefined;
  let aws: Awaited<ReturnType<typeof startEmulatorFor>> | undefined;
  const close = async () => {
    await Promise.allSettled(instances.map((i) => i.stop('SIGTERM')));
    await Promise.allSettled([idp.close(), saml.close(), aws?.close(), proxy?.close()]);
  };
  try {
    await Promise.all(instances.map((i) => i.start()));
    proxy = await startRoundRobinProxy(opts.ports.app, instances.map((i) => i.url));
    aws = await startEmulatorFor(appUrl, opts.ports, opts.dataDir);
  } catch (err) {
    await close();
    throw err;
  }
  return { appUrl, idpUrl: idp.url, samlIdpUrl: saml.url, awsUrl: aws.url, instances, proxy, close };
}
