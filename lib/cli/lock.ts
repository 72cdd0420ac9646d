/**
 * Cross-process single flight: of all the processes that need the same thing refreshed (the SDKs
 * run credential_process for several profiles at once), one holds a lock file and does the work;
 * the others poll `check` until the result appears, instead of stampeding the server.
 *
 * The lock is a file created with O_EXCL holding `{ pid, nonce, createdAt }`. It is stale when
 * its process is gone (same host: the lock lives in the user's own config/cache directory) or it
 * is older than `staleMs` (a hung holder). Breaking it renames it aside first and checks that what
 * was renamed is what was judged stale, so two waiters never break a lock just taken by a third.
 */
import fs from 'node:fs';
import path from 'node:path';

import { failure } from './errors';
import { ensureDir, isAlreadyExists, isNotFound, readText, removeFile } from './files';

export interface SingleflightOptions {
  pollMs?: number;
  staleMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface LockInfo {
  pid: number;
  nonce: string;
  createdAt: number;
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function tryAcquire(file: string): LockInfo | undefined {
  const info = {
    pid: process.pid,
    nonce: Math.random().toString(36).slice(2),
    createdAt: Date.now(),
  };
  try {
    fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
    return info;
  } catch (e) {
    if (isAlreadyExists(e)) return undefined;
    throw failure(`cannot create lock ${file}`, e);
  }
}

function parseLock(text: string | undefined): LockInfo | undefined {
  try {
    const v: unknown = text ? JSON.parse(text) : undefined;
    const o = v as Partial<LockInfo> | undefined;
    if (
      typeof o?.pid === 'number' &&
      typeof o.nonce === 'string' &&
      typeof o.createdAt === 'number'
    ) {
      return { pid: o.pid, nonce: o.nonce, createdAt: o.createdAt };
    }
  } catch {
    // a lock being written (created, not yet filled) or foreign content: judged by its age
  }
  return undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return !(e instanceof Error && 'code' in e && e.code === 'ESRCH');
  }
}

function release(file: string, held: LockInfo): void {
  if (parseLock(readText(file))?.nonce === held.nonce) removeFile(file);
}

/** The lock's text when it is stale, else undefined. */
function staleText(file: string, staleMs: number): string | undefined {
  let text: string | undefined;
  let mtime: number;
  try {
    text = fs.readFileSync(file, 'utf8');
    mtime = fs.statSync(file).mtimeMs;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  const info = parseLock(text);
  const age = Date.now() - (info?.createdAt ?? mtime);
  if (age > staleMs || (info !== undefined && !pidAlive(info.pid))) return text;
  return undefined;
}

function breakIfStale(file: string, staleMs: number): void {
  const judged = staleText(file, staleMs);
  if (judged === undefined) return;
  const aside = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.stale`);
  try {
    fs.renameSync(file, aside);
  } catch (e) {
    if (isNotFound(e)) return; // another waiter broke it first
    throw e;
  }
  if (readText(aside) !== judged) {
    // We moved a lock taken since we looked: put it back unless yet another one exists.
    try {
      fs.linkSync(aside, file);
    } catch {
      // EEXIST: a newer lock is in place; the one we moved is no longer anyone's only lock
    }
  }
  removeFile(aside);
}

/**
 * Returns `check()` when it has a result; otherwise runs `produce()` in exactly one process at a
 * time while the others wait for `check()` to succeed (or for the lock to free up or go stale).
 */
export async function singleflight<T>(
  lockFile: string,
  check: () => T | undefined,
  produce: () => Promise<T>,
  opts: SingleflightOptions = {},
): Promise<T> {
  const { pollMs = 30, staleMs = 120_000, timeoutMs = 150_000, sleep = realSleep } = opts;
  ensureDir(path.dirname(lockFile));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const held = tryAcquire(lockFile);
    if (held) {
      try {
        return check() ?? (await produce());
      } finally {
        release(lockFile, held);
      }
    }
    await sleep(pollMs);
    const hit = check();
    if (hit !== undefined) return hit;
    breakIfStale(lockFile, staleMs);
    if (Date.now() > deadline)
      throw failure(`timed out waiting for another rolegate (${lockFile})`);
  }
}
