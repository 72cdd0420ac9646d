/**
 * Test helpers: a throw-away HOME with XDG and AWS paths, the CLI run in-process (captured
 * output, fake clock and sleep) or as a whole process from the bundle, and a seeded login.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parseTokenPair } from '../api-types';
import type { CliContext } from '../context';
import { cliEnv } from '../env';
import { run } from '../main';
import { saveServer } from '../server';
import { saveTokens, tokensFromPair } from '../tokens';
import type { FakeServer } from './fake-server';

export const CLI_DIR = path.resolve(import.meta.dirname, '..');
export const BUNDLE = path.join(CLI_DIR, 'dist', 'rolegate.cjs');

let built = false;

/** Builds dist/rolegate.cjs once per test process, as `npm run build:cli` does. */
export function buildBundle(): void {
  if (built) return;
  const r = spawnSync(process.execPath, [path.join(CLI_DIR, 'build.cjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  built = true;
}

export interface Sandbox {
  dir: string;
  /** The environment of a CLI process: only what the CLI reads, no DISPLAY (no browser). */
  env: Record<string, string>;
  awsConfig: string;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-cli-'));
  const awsConfig = path.join(dir, 'aws', 'config');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    AWS_CONFIG_FILE: awsConfig,
  };
  return { dir, env, awsConfig, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessResult extends RunResult {
  /** Every ctx.sleep() in order (the device-flow poll intervals). */
  sleeps: number[];
  /** URLs the CLI asked to open in a browser. */
  opened: string[];
}

export interface InProcessOptions {
  browser?: boolean;
  env?: Record<string, string>;
  self?: CliContext['self'];
  platform?: NodeJS.Platform;
}

/** Runs `rolegate …` inside this process with a fake clock: sleeps return at once. */
export async function runInProcess(
  args: string[],
  sb: Sandbox,
  opts: InProcessOptions = {},
): Promise<InProcessResult> {
  const result: InProcessResult = { code: -1, stdout: '', stderr: '', sleeps: [], opened: [] };
  let clock = Date.now();
  const ctx: CliContext = {
    env: cliEnv({ ...sb.env, ...opts.env }),
    out: (t) => void (result.stdout += t),
    err: (t) => void (result.stderr += t),
    sleep: async (ms) => {
      result.sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    openUrl: async (url) => {
      result.opened.push(url);
      return opts.browser ?? false;
    },
    self: opts.self ?? { node: process.execPath, script: BUNDLE },
    platform: opts.platform ?? 'linux',
  };
  result.code = await run(args, ctx);
  return result;
}

/** Runs a command asynchronously (so an in-process fake server can answer it). */
export function runCommand(
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { NODE_ENV: 'test', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs the bundle as a whole process: `node lib/cli/dist/rolegate.cjs …`. */
export function runBundle(args: string[], env: Record<string, string>): Promise<RunResult> {
  return runCommand(process.execPath, [BUNDLE, ...args], env);
}

/** A logged-in sandbox: tokens issued by the fake server, saved as `rolegate login` would. */
export function seedLogin(sb: Sandbox, fake: FakeServer, now = Date.now()): void {
  const ctx = { env: cliEnv(sb.env) };
  const pair = parseTokenPair(fake.state.issueTokens(now));
  saveTokens(ctx, tokensFromPair(fake.url, pair, now));
  saveServer(ctx, fake.url);
}

/** A loopback URL where nothing listens (a port that was free a moment ago). */
export async function deadServerUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
