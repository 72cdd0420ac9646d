/**
 * The issuance phase (issue 15 §2): one Rolegate instance (production build, SQLite) with the AWS emulator
 * and the demo IdPs in this process, all on this machine's cores. One person signs in (OIDC), then `users`
 * clients POST /api/aws/credentials back to back for `seconds` (web-identity delivery: a token signed by
 * Rolegate, AssumeRoleWithWebIdentity at the emulator).
 *
 * The robust figure is Rolegate's CPU per issuance (its process tree's CPU from /proc over the timed run,
 * divided by the issuances answered): wall-clock rates move with whatever else the shared cores run.
 * Beside it, the same run's floors: the emulator alone at the same concurrency, an RSA-2048 signature in
 * this process (every issuance signs once), and a trivial Rolegate route (GET /api/health through the
 * proxy and Next.js). `BENCH_ISSUANCE_CPU_PROF=<dir>` runs Rolegate with --cpu-prof into that directory
 * (read it with bench/cpu-profile.ts); `BENCH_ISSUANCE_NODE_ARGS` adds node flags (e.g. GC sizes to try).
 *
 * Ports: base+20 Rolegate, +21 the OIDC IdP, +22 the emulator, +23 the SAML IdP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Credentials } from '../../../lib/core/types';
import { demoPorts, startStack, type Stack } from '../demo/stack';
import { closedLoop, type ClosedLoopRun } from './closed-loop';
import { assertPortsFree, reapServer, serverPids } from './lifecycle';
import { emulatorAtConcurrency, rsaSignsPerSecond } from './load-floor';
import { AppClient, virtualAddress } from './load-http';
import type { IssuanceOptions } from './load-options';
import { treeCpuSec } from './load-procs';
import { Recorder } from './load-record';
import { signInOidc } from './load-signin';

const LOGIN = 'bob@example.com';
/** Web-identity delivery (demo-config.ts): the issuance the targets are set for. */
const ROLE_ID = '444455556666/Operator';
const WARM_MS = 3_000;
const FLOOR_MS = 5_000;
const TARGETS = { cpuMsPerIssuance: 3, perSec: 300, p99Ms: 250 } as const;

export const ISSUANCE_PORT_OFFSET = 20;

interface Measured {
  run: ClosedLoopRun;
  rolegateCpuMs: number;
  /** This process (emulator, IdPs, clients) per issuance. */
  generatorCpuMs: number;
}

const signMs = (perSec: number) => Math.round((1000 / perSec) * 100) / 100;
/** CPU ms in RSA-2048 signatures of the same run: steadier than ms when other work shares the cores. */
const inSigns = (cpuMs: number, signsPerSec: number) => Math.round(((cpuMs * signsPerSec) / 1000) * 10) / 10;
const perCall = (cpuSec: number, n: number) => (n ? Math.round((cpuSec * 1000 * 100) / n) / 100 : Number.NaN);

/** `users` closed-loop clients on `call` for `ms`, with Rolegate's and this process's CPU per call. */
async function measured(pid: number, users: number, ms: number, call: () => Promise<void>): Promise<Measured> {
  const [cpu0, own0] = [treeCpuSec(pid), process.cpuUsage()];
  const run = await closedLoop(users, ms, call);
  const own = process.cpuUsage(own0);
  return { run, rolegateCpuMs: perCall(treeCpuSec(pid) - cpu0, run.ok), generatorCpuMs: perCall((own.user + own.system) / 1e6, run.ok) };
}

async function issueKeys(app: AppClient): Promise<Credentials> {
  const headers = { origin: app.origin, 'content-type': 'application/json' };
  const res = await app.send('/api/aws/credentials', { step: 'credentials', expected: [200], method: 'POST', headers, body: JSON.stringify({ roleId: ROLE_ID }) });
  const keys = (JSON.parse(res.text) as { credentials?: Credentials }).credentials;
  if (!keys?.accessKeyId) throw new Error('HTTP 200 without an access key id');
  return keys;
}

/** `profiling`: the trivial-route floor is left out, so the profile holds sign-in, warm-up and issuances only. */
async function phase(stack: Stack, opts: IssuanceOptions, stop: AbortSignal, profiling: boolean) {
  const app = new AppClient(stack.appUrl, virtualAddress(0), new Recorder(), stop);
  await signInOidc(app, stack.idpUrl, 'okta', LOGIN);
  const credentials = await issueKeys(app);
  // Warmed at the measured concurrency: every client's connection is open before the clock starts. Warmed
  // with 10, the first call on each of the other 90 new connections waited 1.5–5 s behind the saturated
  // server (the whole p99 of a 20 s run), a ramp-up of the bench, not a steady-state latency.
  const warm = await closedLoop(opts.users, WARM_MS, async () => void (await issueKeys(app)));
  const issuance = await measured(stack.appPid, opts.users, opts.seconds * 1000, async () => void (await issueKeys(app)));
  if (profiling) console.log(`bench issuance: the profile holds ${warm.ok + issuance.run.ok + 1} issuances (warm-up included) and one sign-in`);
  const health = profiling ? undefined : await measured(stack.appPid, opts.users, FLOOR_MS, async () => void (await app.send('/api/health', { step: 'health', expected: [200] })));
  const emulator = await emulatorAtConcurrency(stack.awsUrl, credentials, opts.users, FLOOR_MS);
  return { issuance, health, emulator, rsa2048SignPerSec: rsaSignsPerSecond() };
}

type Figures = Awaited<ReturnType<typeof phase>>;

export function issuanceJson(f: Figures, opts: IssuanceOptions): Record<string, unknown> {
  const { run } = f.issuance;
  return {
    bench: 'issuance', users: opts.users, seconds: opts.seconds, database: 'sqlite', delivery: 'web-identity', loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    rolegateCpuMsPerIssuance: f.issuance.rolegateCpuMs, rolegateCpuInRsaSigns: inSigns(f.issuance.rolegateCpuMs, f.rsa2048SignPerSec), generatorCpuMsPerIssuance: f.issuance.generatorCpuMs,
    issuancesPerSec: run.perSec, ms: run.ms, ok: run.ok, failed: Object.fromEntries(run.failed),
    floor: {
      emulatorAlone: { perSec: f.emulator.perSec, ms: f.emulator.ms, cpuMsPerCall: f.emulator.cpuMsPerCall },
      rsa2048SignPerSec: f.rsa2048SignPerSec, rsa2048SignMs: signMs(f.rsa2048SignPerSec),
      trivialRoute: f.health ? { perSec: f.health.run.perSec, ms: f.health.run.ms, rolegateCpuMs: f.health.rolegateCpuMs } : 'left out while profiling',
    },
    targets: { cpuMsPerIssuance: f.issuance.rolegateCpuMs <= TARGETS.cpuMsPerIssuance, perSec: run.perSec >= TARGETS.perSec, p99: (run.ms?.p99 ?? Infinity) < TARGETS.p99Ms },
  };
}

function printIssuance(f: Figures, opts: IssuanceOptions): Record<string, unknown> {
  const json = issuanceJson(f, opts);
  const row = (label: string, value: string) => `${label.padEnd(46)}${value}`;
  const lat = (r: ClosedLoopRun) => (r.ms ? `p50 ${Math.round(r.ms.p50)} ms  p99 ${Math.round(r.ms.p99)} ms` : 'no samples');
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const { run } = f.issuance;
  const failed = [...run.failed].map(([k, v]) => `${k}: ${v}`).join(', ');
  const lines = [
    `Rolegate issuance phase: ${opts.users} concurrent × ${opts.seconds} s, POST /api/aws/credentials (web identity), one instance on SQLite, emulator in this process (${os.availableParallelism()} cores, load ${os.loadavg()[0]?.toFixed(2)})`,
    row('Rolegate CPU per issuance (robust figure)', `${f.issuance.rolegateCpuMs} ms = ${inSigns(f.issuance.rolegateCpuMs, f.rsa2048SignPerSec)} RSA signatures  (target ≤ ${TARGETS.cpuMsPerIssuance} ms: ${met(f.issuance.rolegateCpuMs <= TARGETS.cpuMsPerIssuance)})`),
    row(`issuances/s at ${opts.users} concurrent (n=${run.ok})`, `${run.perSec}/s  (target ≥ ${TARGETS.perSec}: ${met(run.perSec >= TARGETS.perSec)})${failed ? `  failed ${failed}` : ''}`),
    row('issuance latency', `${lat(run)}  (p99 target < ${TARGETS.p99Ms} ms: ${met((run.ms?.p99 ?? Infinity) < TARGETS.p99Ms)})`),
    row('this process per issuance (emulator, clients)', `${f.issuance.generatorCpuMs} ms CPU`),
    row(`floor: emulator alone at ${opts.users} concurrent`, `${f.emulator.perSec}/s  ${lat(f.emulator)}  ${f.emulator.cpuMsPerCall} ms CPU/call (GetCallerIdentity)`),
    row('floor: RSA-2048 signature in-process', `${f.rsa2048SignPerSec}/s  (${signMs(f.rsa2048SignPerSec)} ms CPU each)`),
    row(`floor: trivial route (GET /api/health)`, f.health ? `${f.health.run.perSec}/s  ${lat(f.health.run)}  Rolegate CPU ${f.health.rolegateCpuMs} ms/request` : 'left out while profiling'),
  ];
  console.log(`\n${lines.join('\n')}\n`);
  console.log(`BENCH_JSON ${JSON.stringify(json)}`);
  return json;
}

/** Runs the phase on its own stack and prints its figures; resolves with them for the run's last line. */
export async function benchIssuance(basePort: number, opts: IssuanceOptions): Promise<Record<string, unknown>> {
  const ports = demoPorts(basePort + ISSUANCE_PORT_OFFSET);
  await assertPortsFree([ports.app, ports.idp, ports.aws, ports.saml]);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rolegate-bench-issuance-'));
  const profileDir = process.env.BENCH_ISSUANCE_CPU_PROF;
  const extra = process.env.BENCH_ISSUANCE_NODE_ARGS?.trim();
  const nodeArgs = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []), ...(extra ? extra.split(/\s+/) : [])];
  const stop = new AbortController();
  let stack: Stack | undefined;
  let pids: number[] = [];
  try {
    console.log(`bench issuance: one instance, ${opts.users} concurrent for ${opts.seconds} s…`);
    stack = await startStack({ ports, dataDir, appStdio: 'ignore', nodeArgs });
    pids = serverPids(stack.appPid);
    return printIssuance(await phase(stack, opts, stop.signal, Boolean(profileDir)), opts);
  } finally {
    stop.abort();
    await stack?.close();
    await reapServer(pids, 30_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
