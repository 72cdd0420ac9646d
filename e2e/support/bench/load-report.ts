/**
 * The load phase's figures: a table for people, then the run's last line, one JSON object with every figure
 * (and the browser phase's, when it ran) for machines.
 */
import os from 'node:os';
import type { Floor } from './load-floor';
import type { LedgerCheck } from './load-ledger';
import type { LoadOptions } from './load-options';
import type { InstanceSnapshot } from './load-procs';
import { OPERATIONS, type Operation, type Recorder } from './load-record';
import { summarize, type Summary } from './stats';

export interface LoadResult {
  options: LoadOptions;
  fleetStartMs: number;
  /** The untimed warm-up: first sign-ins (SAML SP keys made, metadata fetched) and issuances. */
  warmUpMs: number;
  /** From the first user's start to the last operation's end. */
  wallMs: number;
  rec: Recorder;
  ledger: LedgerCheck;
  floor: Floor;
  before: InstanceSnapshot[];
  after: InstanceSnapshot[];
  /** Requests each instance answered through the proxy (whole run, warm-up included). */
  served: number[];
  generator: { cpuSec: number; eventLoopDelayP99Ms: number };
  /** CPU seconds during the load: the whole machine (all cores, anyone's), and this run's database backends. */
  cpu: { machineBusySec: number; machineTotalSec: number; databaseSec: number };
}

const LABELS: Record<Operation, string> = { signinOidc: 'sign-in OIDC', signinSaml: 'sign-in SAML', issuance: 'issuance (keys)', console: 'console link' };
const row = (label: string, value: string) => `${label.padEnd(44)}${value}`;
const perSec = (n: number, ms: number) => Math.round((n / (ms / 1000)) * 10) / 10;
const ms = (x: number) => `${Math.round(x)} ms`;
const listed = (m: Map<string, number>) => ([...m].length ? [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', ') : 'none');

interface OperationFigures {
  ok: number;
  failed: number;
  perSec: number;
  ms: Summary | null;
}

function failedCount(rec: Recorder, op: Operation): number {
  return [...rec.failures].filter(([k]) => k.startsWith(`${op} `)).reduce((n, [, c]) => n + c, 0);
}

function figuresOf(r: LoadResult): Record<Operation, OperationFigures> {
  const entries = OPERATIONS.map((op) => {
    const samples = r.rec.samples[op];
    return [op, { ok: samples.length, failed: failedCount(r.rec, op), perSec: perSec(samples.length, r.wallMs), ms: samples.length ? summarize(samples) : null }] as const;
  });
  return Object.fromEntries(entries) as Record<Operation, OperationFigures>;
}

function operationLine(op: Operation, f: OperationFigures): string {
  const lat = f.ms ? `p50 ${ms(f.ms.p50)}  p95 ${ms(f.ms.p95)}  p99 ${ms(f.ms.p99)}` : 'no successful samples';
  return row(`  ${LABELS[op]} (n=${f.ok})`, `${f.perSec}/s  ${lat}${f.failed ? `  failed ${f.failed}` : ''}`);
}

function stepFigures(rec: Recorder): Record<string, Summary> {
  return Object.fromEntries([...rec.steps].map(([step, samples]) => [step, summarize(samples)]));
}

function stepLines(rec: Recorder): string[] {
  const steps = Object.entries(stepFigures(rec));
  const cell = ([step, f]: [string, Summary]) => `${step} ${Math.round(f.p50)}/${Math.round(f.p95)}`;
  const lines: string[] = [];
  for (let i = 0; i < steps.length; i += 4) lines.push(row(i === 0 ? 'steps p50/p95 ms (each request)' : '', steps.slice(i, i + 4).map(cell).join('  ')));
  return lines;
}

/** Who used the CPU during the load: ours (instances, database, this process) and everyone else's. */
function cpuShares(r: LoadResult) {
  const instances = r.after.reduce((n, a, i) => n + a.cpuSec - (r.before[i]?.cpuSec ?? 0), 0);
  const ours = instances + r.cpu.databaseSec + r.generator.cpuSec;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { machineBusySec: round(r.cpu.machineBusySec), machineTotalSec: round(r.cpu.machineTotalSec), instancesSec: round(instances), databaseSec: r.cpu.databaseSec, generatorSec: round(r.generator.cpuSec), othersSec: round(Math.max(0, r.cpu.machineBusySec - ours)) };
}

function cpuLine(r: LoadResult): string {
  const c = cpuShares(r);
  const pct = c.machineTotalSec > 0 ? Math.round((c.machineBusySec / c.machineTotalSec) * 100) : 0;
  return row('CPU during the load (all cores)', `busy ${c.machineBusySec} of ${c.machineTotalSec} s (${pct}%): instances ${c.instancesSec}, PostgreSQL ${c.databaseSec}, this process ${c.generatorSec}, other processes ${c.othersSec}`);
}

function ledgerLine(l: LedgerCheck): string {
  const verdict = l.exact ? 'exact' : `NOT EXACT (missing ${l.missing.length}, duplicated ${l.duplicated.length}, rows without an answer ${l.unanswered.length}, unsettled ${l.unsettled})`;
  return row('ledger: issuance rows == issuances', `${l.issuanceRows} == ${l.issuances} ${verdict}  (console rows ${l.consoleRows}/${l.consoleLinks}; sign-in rows ${l.signinRows}/${l.signins})`);
}

function instanceLines(r: LoadResult): string[] {
  return r.after.map((a, i) => {
    const b = r.before[i];
    const cpu = b ? Math.round((a.cpuSec - b.cpuSec) * 10) / 10 : a.cpuSec;
    return row(`instance ${i + 1} (:${a.port})`, `RSS ${a.rssMiB} MiB after load (${b?.rssMiB ?? '?'} before, peak ${a.peakMiB})  CPU ${cpu} s  served ${r.served[i] ?? 0} requests`);
  });
}

export function loadJson(r: LoadResult, browser?: Record<string, unknown>): Record<string, unknown> {
  const ops = figuresOf(r);
  const ok = OPERATIONS.reduce((n, op) => n + ops[op].ok, 0);
  return {
    bench: 'load', node: process.version, cores: os.availableParallelism(), loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    users: r.options.users, seconds: r.options.seconds, instances: r.options.instances, database: 'postgresql',
    fleetStartMs: r.fleetStartMs, warmUpMs: Math.round(r.warmUpMs), wallMs: Math.round(r.wallMs), opsPerSec: perSec(ok, r.wallMs), operations: ops,
    steps: stepFigures(r.rec),
    status: Object.fromEntries(r.rec.statuses), serverErrors: r.rec.serverErrors(), errorPages: Object.fromEntries(r.rec.errorPages), errorPages5xx: r.rec.errorPages5xx, unexpected: Object.fromEntries(r.rec.unexpected), failures: Object.fromEntries(r.rec.failures),
    ledger: { ...r.ledger, missing: r.ledger.missing.slice(0, 20), duplicated: r.ledger.duplicated.slice(0, 20), unanswered: r.ledger.unanswered.slice(0, 20) },
    perInstance: r.after.map((a, i) => ({ ...a, rssBeforeMiB: r.before[i]?.rssMiB, cpuSec: Math.round((a.cpuSec - (r.before[i]?.cpuSec ?? 0)) * 10) / 10, served: r.served[i] ?? 0 })),
    cpu: cpuShares(r), floor: r.floor, generator: { cpuSec: Math.round(r.generator.cpuSec * 10) / 10, eventLoopDelayP99Ms: Math.round(r.generator.eventLoopDelayP99Ms) },
    ...(browser ? { browser } : {}),
  };
}

/** Prints the table; the JSON object is the last line. */
export function printLoadReport(r: LoadResult, browser?: Record<string, unknown>): void {
  const json = loadJson(r, browser);
  const ops = figuresOf(r);
  const { floor, ledger } = r;
  const lines = [
    `Rolegate load phase: ${r.options.users} users × ${r.options.seconds} s, ${r.options.instances} instances on PostgreSQL behind a round-robin proxy (node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg()[0]?.toFixed(2)})`,
    row('fleet start (spawn → all ready)', ms(r.fleetStartMs)),
    row('warm-up (untimed: first use of each IdP)', `${ms(r.warmUpMs)}  (each persona signs in and issues once)`),
    row('throughput (successful operations)', `${String(json.opsPerSec)} ops/s over ${(r.wallMs / 1000).toFixed(1)} s`),
    ...OPERATIONS.map((op) => operationLine(op, ops[op])),
    ...stepLines(r.rec),
    row('answers by status', listed(r.rec.statuses)),
    row('5xx answers (target 0)', `${r.rec.serverErrors()}${r.rec.errorPages5xx ? ` (${r.rec.errorPages5xx} of them as redirects to the error page)` : ''}`),
    row('redirects to the error page', listed(r.rec.errorPages)),
    row('unexpected answers', listed(r.rec.unexpected)),
    row('failed operations', listed(r.rec.failures)),
    ledgerLine(ledger),
    ...instanceLines(r),
    row('floor: RSA-2048 signatures', `${floor.rsa2048SignPerSec}/s in-process (one thread)`),
    row('floor: emulator STS, direct', `p50 ${ms(floor.emulatorStsMs.p50)}  p95 ${ms(floor.emulatorStsMs.p95)}  p99 ${ms(floor.emulatorStsMs.p99)} (GetCallerIdentity, n=${floor.emulatorStsMs.n})`),
    cpuLine(r),
    row('load generator (this process)', `CPU ${r.generator.cpuSec.toFixed(1)} s (proxy, IdPs, emulator, users)  event-loop delay p99 ${ms(r.generator.eventLoopDelayP99Ms)}`),
  ];
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  lines.push(row('targets (exit status 1 when missed)', `5xx == 0 ${met(r.rec.serverErrors() === 0)}; ledger rows == issuances ${met(ledger.exact)}`));
  console.log(`\n${lines.join('\n')}\n`);
  console.log(JSON.stringify(json));
}
