/**
 * Where the load phase's memory and CPU went: each Rolegate instance's process tree (RSS now, peak RSS,
 * CPU seconds from /proc/<pid>/stat) and this process's own CPU (it hosts the proxy, both IdPs, the AWS
 * emulator and the virtual users).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { processTree, treeMemory } from './proc-mem';

/** USER_HZ, as in proc-mem.ts. */
const CLOCK_TICKS_PER_SEC = 100;

export interface InstanceSnapshot {
  port: number;
  pid: number;
  rssMiB: number;
  peakMiB: number;
  cpuSec: number;
}

function cpuTicks(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0; // gone while we looked
  }
  // utime and stime are fields 14 and 15 overall: indexes 11 and 12 after the parenthesised name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

const mib = (kib: number) => Math.round(kib / 1024);

/** CPU seconds (user + system) a process tree has used so far, to the clock tick. */
export function treeCpuSec(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + cpuTicks(p), 0) / CLOCK_TICKS_PER_SEC;
}

export function snapshotInstance(pid: number, port: number): InstanceSnapshot {
  const mem = treeMemory(pid, port);
  return { port, pid, rssMiB: mib(mem.rssKiB), peakMiB: mib(mem.hwmKiB), cpuSec: Math.round(treeCpuSec(pid) * 10) / 10 };
}

/** CPU seconds this process has used so far (user + system). */
export function ownCpuSec(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU seconds of the PostgreSQL backends serving `database` (their process titles name it). */
export function databaseCpu(database: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let title: string;
    try {
      title = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (title.startsWith('postgres: ') && title.split(' ').includes(database)) out.set(Number(name), cpuTicks(Number(name)) / CLOCK_TICKS_PER_SEC);
  }
  return out;
}

/** CPU seconds the backends used between two readings (a backend that came later counts in full). */
export function databaseCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sec = 0;
  for (const [pid, cpu] of after) sec += cpu - (before.get(pid) ?? 0);
  return Math.round(sec * 10) / 10;
}

/** The whole machine's busy and total CPU seconds so far (all cores, every process), from /proc/stat. */
export function machineCpu(): { busySec: number; totalSec: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busySec: busy / CLOCK_TICKS_PER_SEC, totalSec: (busy + idle + iowait) / CLOCK_TICKS_PER_SEC };
}
