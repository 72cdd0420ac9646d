/** Small file helpers: private (0600) files written atomically, JSON read back as `unknown`. */
import fs from 'node:fs';
import path from 'node:path';

import { failure } from './errors';

function errnoCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

export function isNotFound(e: unknown): boolean {
  return errnoCode(e) === 'ENOENT';
}

export function isAlreadyExists(e: unknown): boolean {
  return errnoCode(e) === 'EEXIST';
}

/** File text, or undefined when it does not exist. */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw failure(`cannot read ${file}: ${errnoCode(e) ?? String(e)}`, e);
  }
}

/** Parsed JSON, or undefined when the file is missing or not JSON (a torn or foreign file). */
export function readJson(file: string): unknown {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Creates `dir` (and parents) private to the user. */
export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Writes through a temporary file in the same directory and renames it over `file`, so readers
 * see the old or the new content, never a part. The temporary file is created with `mode` (0600
 * by default) so a secret is never readable by others, not even briefly.
 */
export function writeFileAtomic(file: string, text: string, mode = 0o600): void {
  ensureDir(path.dirname(file));
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(tmp, text, { mode, flag: 'wx' });
    fs.chmodSync(tmp, mode); // the umask may have removed bits the caller wants (e.g. 0644)
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw failure(`cannot write ${file}: ${errnoCode(e) ?? String(e)}`, e);
  }
}

export function removeFile(file: string): void {
  fs.rmSync(file, { force: true });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
