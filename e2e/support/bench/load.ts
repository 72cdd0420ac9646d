/**
 * The benchmark's load phase (issue 14 §5): N virtual users (default 100) for S seconds (default 60),
 * an even mix of OIDC and SAML sign-ins, keys and console links, through a fleet of Rolegate instances
 * (default 2) on one fresh PostgreSQL database behind the round-robin proxy. Loopback only, bounded,
 * stops by itself: no operation starts after S seconds, a hard stop aborts whatever is still running
 * DRAIN_MS later, and a last-resort timer kills the instances and exits should teardown hang.
 *
 * Ports, from the bench's base port B: B+10 the proxy (Rolegate's public URL), B+11 the OIDC IdP, B+12
 * the AWS emulator, B+13 the SAML IdP, B+14… the instances. B..B+3 are the browser phase's, and B+4..B+9
 * stay free: with the default B = 3300, MariaDB holds 3306 on our machines.
 *
 * The caller makes sure the production build is there (bench.ts). Resolves true when the correctness
 * targets hold: no 5xx answer, and the ledger's issuance rows equal the issuances answered, one to one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFleet, type Fleet } from '../demo/fleet';
import { demoPorts } from '../demo/stack';
import { assertPortsFree, reapServer, serverPids } from './lifecycle';
import { measureFloor } from './load-floor';
import { benchDatabaseUrl, checkLedger, createBenchDatabase, dropBenchDatabase, readLedger } from './load-ledger';
import type { LoadOptions } from './load-options';
import { databaseCpu, databaseCpuBetween, machineCpu, snapshotInstance } from './load-procs';
import { printLoadReport, type LoadResult } from './load-report';
import { drive, warmUp } from './load-run';

/** After the last operation may start, how long those under way may take before they are aborted. */
const DRAIN_MS = 30_000;
/** Fleet start (migrations, keys; each instance waits up to 60 s), warm-up and floor, teardown. */
const OVERHEAD_MS = 180_000;

export function loadPorts(base: number, instances: number) {
  if (base + 14 + instances - 1 > 65535) throw new Error(`BENCH_PORT ${base} leaves no room for the load phase's ports (up to +${14 + instances - 1})`);
  return { ports: demoPorts(base + 10), instancePorts: Array.from({ length: instances }, (_, i) => base + 14 + i) };
}

/** Kills the instances and exits, for when teardown itself does not finish in time. */
function lastResort(pids: () => number[], ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    console.error(`bench load: still running after ${Math.round(ms / 1000)} s; killing the instances and stopping`);
    for (const pid of pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    process.exit(3);
  }, ms);
  timer.unref();
  return timer;
}

interface Measure {
  fleet: Fleet;
  opts: LoadOptions;
  stop: AbortController;
  startMs: number;
  databaseUrl: string;
}

async function measure({ fleet, opts, stop, startMs, databaseUrl }: Measure): Promise<LoadResult> {
  const runTag = `bench-${process.pid}-${Date.now().toString(36)}`;
  const ports = (i: number) => new URL(fleet.instances[i]?.url ?? 'http://localhost:0').port;
  const snapshot = () => fleet.instances.map((inst, i) => snapshotInstance(inst.pid(), Number(ports(i))));
  const warm = await warmUp(fleet, opts.users, runTag, stop.signal);
  const floor = await measureFloor(fleet.awsUrl, warm.credentials);
  const database = new URL(databaseUrl).pathname.slice(1);
  const [before, dbBefore, machineBefore] = [snapshot(), databaseCpu(database), machineCpu()];
  const hardStop = setTimeout(() => stop.abort(), opts.seconds * 1000 + DRAIN_MS);
  const run = await drive(fleet, opts, runTag, stop.signal).finally(() => clearTimeout(hardStop));
  const [after, dbAfter, machineAfter] = [snapshot(), databaseCpu(database), machineCpu()];
  const cpu = { machineBusySec: machineAfter.busySec - machineBefore.busySec, machineTotalSec: machineAfter.totalSec - machineBefore.totalSec, databaseSec: databaseCpuBetween(dbBefore, dbAfter) };
  run.rec.absorbLedgerFacts(warm.rec);
  const ledger = checkLedger(await readLedger(databaseUrl), run.rec);
  return { options: opts, fleetStartMs: startMs, warmUpMs: warm.ms, wallMs: run.wallMs, rec: run.rec, ledger, floor, before, after, served: [...fleet.proxy.served], generator: run.generator, cpu };
}

export interface LoadRun {
  /** Print the instances' own output (pino JSON logs) here, to find the cause of a failure. */
  appLogs?: boolean;
  /** The browser phase's figures, carried into the last line. */
  browser?: Record<string, unknown>;
}

/** Runs the phase, tears everything down, then prints the figures (so the JSON object is the last line). */
export async function runLoadPhase(opts: LoadOptions, basePort: number, run: LoadRun = {}): Promise<boolean> {
  const { ports, instancePorts } = loadPorts(basePort, opts.instances);
  await assertPortsFree([ports.app, ports.idp, ports.aws, ports.saml, ...instancePorts]);
  const databaseUrl = benchDatabaseUrl(process.pid);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rolegate-bench-load-'));
  const stop = new AbortController();
  let fleet: Fleet | undefined;
  let pids: number[] = [];
  const alive = () => [...pids, ...(fleet?.instances.map((i) => i.pid()) ?? [])].filter((p) => p > 0);
  const guard = lastResort(alive, OVERHEAD_MS + opts.seconds * 1000 + DRAIN_MS);
  let result: LoadResult;
  try {
    await createBenchDatabase(databaseUrl);
    const t0 = Date.now();
    console.log(`bench load: starting ${opts.instances} instances on PostgreSQL (${new URL(databaseUrl).pathname.slice(1)})…`);
    fleet = await startFleet({ ports, instancePorts, dataDir, databaseUrl, env: { ROLEGATE_TRUSTED_PROXY_HOPS: '2' }, appStdio: run.appLogs ? 'inherit' : 'ignore' });
    const startMs = Date.now() - t0;
    pids = fleet.instances.flatMap((i) => serverPids(i.pid()));
    console.log(`bench load: fleet ready in ${startMs} ms; warming up, then ${opts.users} users for ${opts.seconds} s…`);
    result = await measure({ fleet, opts, stop, startMs, databaseUrl });
  } finally {
    stop.abort();
    await fleet?.close();
    await reapServer(pids);
    await dropBenchDatabase(databaseUrl).catch((err: unknown) => console.error(`bench load: could not drop ${databaseUrl}: ${String(err)}`));
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(guard);
  }
  printLoadReport(result, run.browser);
  return result.rec.serverErrors() === 0 && result.ledger.exact;
}
