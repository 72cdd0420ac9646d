/**
 * `npm start` takes what `next start` takes: `-p/--port` (else PORT, else 3000), `-H/--hostname` (else
 * every interface), `--keepAliveTimeout <ms>` and an optional project directory (else the working
 * directory). HOSTNAME is not read, as `next start` does not read it: container runtimes set it to the
 * container's name.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GatewayError } from '../../core/errors';

export interface StartOptions {
  dir: string;
  port: number;
  hostname?: string;
  keepAliveTimeoutMs?: number;
}

const USAGE = 'usage: npm start -- [directory] [-p <port>] [-H <hostname>] [--keepAliveTimeout <ms>]';
const usageError = (message: string) => new GatewayError('CONFIG_INVALID', `${message}\n${USAGE}`);

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw usageError(`${flag} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

/** `envPort` is PORT from the parsed environment (lib/config/env.ts). */
export function parseStartOptions(argv: readonly string[], envPort: number, cwd: string): StartOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string', short: 'p' },
        hostname: { type: 'string', short: 'H' },
        keepAliveTimeout: { type: 'string' },
      },
    });
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw usageError(`one project directory at most, got ${positionals.join(' ')}`);
  if (values.hostname === '') throw usageError('-H needs a hostname');
  return {
    dir: path.resolve(cwd, positionals[0] ?? '.'),
    port: wholeNumber('--port', values.port, 1, 65535) ?? envPort,
    hostname: values.hostname,
    keepAliveTimeoutMs: wholeNumber('--keepAliveTimeout', values.keepAliveTimeout, 1, 2 ** 31 - 1),
  };
}

/**
 * How this machine reaches the server, as `next start` computes it: `localhost` when bound to every
 * interface. Printed at start, and Next's own origin for requests to itself (see main.ts).
 */
export function localUrl(opts: Pick<StartOptions, 'hostname' | 'port'>): string {
  const { hostname } = opts;
  const host = !hostname || hostname === '0.0.0.0' ? 'localhost' : hostname === '::' ? '::1' : hostname;
  return `http://${host.includes(':') ? `[${host}]` : host}:${opts.port}`;
}
