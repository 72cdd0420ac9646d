/** Start/stop hygiene for the benchmark: free ports before, no stray server processes after. */
import { createServer } from 'node:net';
import { processTree } from './proc-mem';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}

export async function assertPortsFree(ports: readonly number[]): Promise<void> {
  const busy: number[] = [];
  for (const port of ports) if (!(await portFree(port))) busy.push(port);
  if (busy.length > 0) throw new Error(`port(s) ${busy.join(', ')} already in use; stop that process or set BENCH_PORT`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Snapshot of the server's process tree, taken while it runs, so stragglers can be found after close. */
export function serverPids(rootPid: number): number[] {
  return rootPid > 0 ? processTree(rootPid) : [];
}

/**
 * Waits for the given server processes (all started by this benchmark) to exit after the stack's
 * SIGTERM; any still running after `timeoutMs` get SIGKILL so the ports are free for the next run.
 */
export async function reapServer(pids: readonly number[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const stragglers = pids.filter(alive);
  for (const pid of stragglers) process.kill(pid, 'SIGKILL');
  if (stragglers.length > 0) console.error(`bench: killed server process(es) ${stragglers.join(', ')} that ignored SIGTERM`);
}
