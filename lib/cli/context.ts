/**
 * What every command gets injected (kratos-style): environment, output streams, clock, sleep and
 * the browser opener. entry.ts builds the real one; tests build their own to capture output and
 * to run the device flow without waiting.
 */
import type { CliEnv } from './env';

export interface CliContext {
  env: CliEnv;
  /** Writes to stdout: data only (JSON, shell snippets, URLs asked for with --print). */
  out(text: string): void;
  /** Writes to stderr: progress and messages for the person at the terminal. */
  err(text: string): void;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** Opens `url` in a browser; false when no browser can be shown. Never throws. */
  openUrl(url: string): Promise<boolean>;
  /** The running node binary and CLI bundle: what `configure` writes into credential_process. */
  self: { node: string; script: string };
  platform: NodeJS.Platform;
}
