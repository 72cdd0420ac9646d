/**
 * Libraries that log with `console` (samlify 2.13: `console.warn` on metadata without a logout endpoint or
 * a response without a validity window, `console.error` on a failed decryption; Next.js itself) reach the
 * production log as pino lines like everything else (issue 13 §4): one JSON line per call, its text
 * scrubbed of token-shaped values (scrub-secrets.ts). samlify offers no logger option, so the process's
 * console is the seam; nothing of samlify is touched.
 */
import { format } from 'node:util';
import type pino from 'pino';
import { scrubSecrets } from '../scrub-secrets';

// Terminal colour codes (Next.js colours its console output) mean nothing in a JSON log.
const ANSI_SGR = /\u001b\[[0-9;]*m/g;

const LEVELS = { debug: 'debug', log: 'info', info: 'info', warn: 'warn', error: 'error' } as const;

/**
 * Warnings that are wrong about Rolegate, logged at debug: Next warns that `next start` does not serve a
 * standalone build, but Rolegate's server is not `next start` — it runs Next's programmatic API on the
 * release folder (lib/build/release.cjs), which e2e/api/release.spec.ts starts and checks.
 */
const NOT_FOR_US = [/"next start" does not work with "output: standalone"/];

/** Sends console.{debug,log,info,warn,error} to `log`; returns a function that restores the console. */
export function routeConsoleToPino(log: pino.Logger, target: Console = console): () => void {
  const saved = { ...target };
  for (const [method, level] of Object.entries(LEVELS) as [keyof typeof LEVELS, pino.Level][]) {
    target[method] = (...args: unknown[]) => {
      const text = scrubSecrets(format(...args).replace(ANSI_SGR, ''), 2000);
      log[NOT_FOR_US.some((re) => re.test(text)) ? 'debug' : level]({ source: 'console' }, text);
    };
  }
  return () => void Object.assign(target, saved);
}
