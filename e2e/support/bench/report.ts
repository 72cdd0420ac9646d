/** Human table plus one machine-readable `BENCH_JSON` line. */
import os from 'node:os';
import type { ApiRun } from './api';
import type { TreeMem } from './proc-mem';
import { summarize, type Summary } from './stats';

export interface BenchResult {
  startMs: number;
  startStackMs: number;
  roleToKeys: number[];
  credentials: ApiRun;
  console: ApiRun;
  memAfterStart: TreeMem;
  memAfterLoad: TreeMem;
  /** `--ledger`: the audit ledger bench's summary (printed by it as it ran). */
  ledger?: Record<string, unknown>;
  /** Issue 15 §4: the rules and config bench's summary (policy-bench.ts, printed by it as it ran). */
  policy?: Record<string, unknown>;
}

const mib = (kib: number) => Math.round(kib / 1024);
const ms = (x: number) => String(Math.round(x));
const row = (label: string, value: string) => `${label.padEnd(38)}${value}`;

function memJson(m: TreeMem) {
  return { rssMiB: mib(m.rssKiB), peakMiB: mib(m.hwmKiB), listenerPid: m.listenerPid, procs: m.procs };
}

function procList(m: TreeMem): string {
  return m.procs.map((p) => `${p.name}[${p.pid}${p.pid === m.listenerPid ? ', listens' : ''}] ${mib(p.rssKiB)}`).join(' + ');
}

/** Prints the table and the `BENCH_JSON` line; returns the figures (the load phase's last line carries them too). */
export function printReport(r: BenchResult): Record<string, unknown> {
  const keys = summarize(r.roleToKeys);
  const creds = summarize(r.credentials.samples);
  const cons = summarize(r.console.samples);
  const reqPerSec = Math.round((r.credentials.samples.length / r.credentials.totalMs) * 1000 * 10) / 10;
  const cores = os.availableParallelism();
  const lines = [
    `Rolegate benchmark (node ${process.version}, ${cores} cores)`,
    row('stack start (spawn → healthy)', `${ms(r.startMs)} ms  (startStack total ${ms(r.startStackMs)} ms)`),
    row(`role click → keys visible (n=${keys.n})`, `p50 ${ms(keys.p50)} ms  p95 ${ms(keys.p95)} ms  min ${ms(keys.min)}  max ${ms(keys.max)}`),
    row(`POST /api/aws/credentials (n=${creds.n})`, `p50 ${ms(creds.p50)} ms  p95 ${ms(creds.p95)} ms  ${reqPerSec} req/s`),
    row(`POST /api/aws/console (n=${cons.n})`, `p50 ${ms(cons.p50)} ms  p95 ${ms(cons.p95)} ms`),
    row('server RSS idle after start', `${mib(r.memAfterStart.rssKiB)} MiB  (${procList(r.memAfterStart)})`),
    row('server RSS after load (idle 5 s)', `${mib(r.memAfterLoad.rssKiB)} MiB (peak ${mib(r.memAfterLoad.hwmKiB)} MiB)  (${procList(r.memAfterLoad)})`),
  ];
  console.log(`\n${lines.join('\n')}\n`);
  const json: Record<string, unknown> = {
    node: process.version,
    cores,
    stackStartMs: Math.round(r.startMs),
    startStackTotalMs: Math.round(r.startStackMs),
    roleToKeysMs: keys,
    credentialsMs: { ...creds, reqPerSec } satisfies Summary & { reqPerSec: number },
    consoleMs: cons,
    rssIdleAfterStart: memJson(r.memAfterStart),
    rssAfterLoad: memJson(r.memAfterLoad),
    ...(r.ledger ? { ledger: r.ledger } : {}),
    ...(r.policy ? { policy: r.policy } : {}),
  };
  console.log(`BENCH_JSON ${JSON.stringify(json)}`);
  return json;
}
