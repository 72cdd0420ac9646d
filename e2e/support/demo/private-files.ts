/**
 * The demo's state (SQLite database, config, secrets) is readable by its owner only (issue 12 §7): files
 * are 0600, also ones an earlier run left 0644, and a data directory we create is 0700. An existing
 * directory is left as it is (ROLEGATE_DEMO_DATA may name one the user owns for other things).
 */
import { chmodSync, closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

export function writePrivateFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: PRIVATE_FILE_MODE });
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Creates `file` empty if missing (SQLite then opens it and its journals with this mode) and makes it 0600. */
export function touchPrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}
