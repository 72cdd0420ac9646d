/**
 * Where the load phase's memory and CPU went: each Rolegate instance's process tree (RSS now, peak RSS,
 * CPU seconds from /proc/<pid>/stat) and this process's own CPU (it hosts the proxy, both IdPs, the AWS
 * emulator and the virtual users).
 */
import { readFileSync } from 'node:fs';
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

export function snapshotInstance(pid: number, port: number): InstanceSnapshot {
  const mem = treeMemory(pid, port);
  const ticks = processTree(pid).reduce((sum, p) => sum + cpuTicks(p), 0);
  return { port, pid, rssMiB: mib(mem.rssKiB), peakMiB: mib(mem.hwmKiB), cpuSec: Math.round((ticks / CLOCK_TICKS_PER_SEC) * 10) / 10 };
}

/** CPU seconds this process has used so far (user + system). */
export function ownCpuSec(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
