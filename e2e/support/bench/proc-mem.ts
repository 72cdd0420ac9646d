/**
 * Linux /proc readers for the benchmark: the process tree under Rolegate's server, its resident memory,
 * which process holds the listening socket, and when a process was started.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

export interface ProcMem {
  pid: number;
  name: string;
  rssKiB: number;
  hwmKiB: number;
}

export interface TreeMem {
  procs: ProcMem[];
  /** The process in the tree that owns the listening socket on the app port, if found. */
  listenerPid: number | null;
  rssKiB: number;
  /** Sum of each process's own peak RSS: an upper bound for the tree's peak. */
  hwmKiB: number;
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback; // the process (or thread) went away while we were looking
  }
}

function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const kids = tasks.flatMap((t) => readOr(`/proc/${pid}/task/${t}/children`, '').split(/\s+/));
  return kids.filter((k) => k !== '').map(Number);
}

/** The pid and all its descendants, parents first. */
export function processTree(root: number): number[] {
  const out: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    if (out.includes(pid)) continue;
    out.push(pid);
    queue.push(...childrenOf(pid));
  }
  return out;
}

function statusField(status: string, key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
  return m?.[1] ? Number(m[1]) : 0;
}

function readMem(pid: number): ProcMem | null {
  const status = readOr(`/proc/${pid}/status`, '');
  if (!status) return null;
  // cmdline shows the retitled process ("rolegate", lib/server/start/main.ts); Name is cut at 15 characters.
  const cmd = readOr(`/proc/${pid}/cmdline`, '').split('\0')[0]?.trim();
  const name = cmd || (/^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?');
  return { pid, name, rssKiB: statusField(status, 'VmRSS'), hwmKiB: statusField(status, 'VmHWM') };
}

/** Socket inodes listening (state 0A) on `port`, IPv4 and IPv6. */
function listeningInodes(port: number): Set<string> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readOr(file, '').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  return inodes;
}

function ownsSocket(pid: number, inodes: Set<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    const m = /^socket:\[(\d+)\]$/.exec(safeReadlink(`/proc/${pid}/fd/${fd}`));
    return m?.[1] !== undefined && inodes.has(m[1]);
  });
}

function safeReadlink(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return '';
  }
}

/** USER_HZ: the unit of /proc/<pid>/stat times; fixed at 100 on the Linux ABIs Node supports. */
const CLOCK_TICKS_PER_SEC = 100;

/** Wall-clock time (epoch ms, ±10 ms) at which the process was started, from /proc/<pid>/stat. */
export function processStartedAtMs(pid: number): number {
  const stat = readOr(`/proc/${pid}/stat`, '');
  // Fields after the parenthesised command name; starttime is field 22 overall, i.e. index 19 here.
  const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  const uptimeSec = Number(readOr('/proc/uptime', '').split(' ')[0]);
  const now = Date.now();
  if (!Number.isFinite(startTicks) || !Number.isFinite(uptimeSec)) throw new Error(`cannot read start time of ${pid}`);
  return now - (uptimeSec - startTicks / CLOCK_TICKS_PER_SEC) * 1000;
}

export function treeMemory(root: number, port: number): TreeMem {
  const procs = processTree(root).map(readMem).filter((p): p is ProcMem => p !== null);
  if (procs.length === 0) throw new Error(`process ${root} is gone; cannot read its memory`);
  const inodes = listeningInodes(port);
  const listener = procs.find((p) => ownsSocket(p.pid, inodes));
  return {
    procs,
    listenerPid: listener?.pid ?? null,
    rssKiB: procs.reduce((s, p) => s + p.rssKiB, 0),
    hwmKiB: procs.reduce((s, p) => s + p.hwmKiB, 0),
  };
}
