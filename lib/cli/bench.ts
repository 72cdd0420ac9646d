/**
 * `node --import tsx lib/cli/bench.ts [N]`: whole-process timings of `rolegate credential-process`
 * from the bundle (what an SDK pays per call), next to bare Node start-up on this machine.
 * - warm: credentials cached (no request; the server URL points nowhere) — target ≤ 150 ms p50;
 * - cold: cache miss, one POST /credentials to an in-process fake server;
 * - refresh: cache miss and an expired access token: refresh, then POST /credentials.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

import { writeCached } from './credential-cache';
import { cliEnv } from './env';
import { credentialsDir } from './paths';
import { startFakeServer } from './test-support/fake-server';
import { BUNDLE, buildBundle, runBundle, sandbox, seedLogin } from './test-support/harness';

const N = Number(process.argv[2] ?? 30);
const ROLE = '111122223333/Admin';
const TARGET_WARM_P50_MS = 150;

function stats(ms: number[]): { p50: number; p95: number; min: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), min: s[0] ?? NaN };
}

function timeSync(args: string[], env: Record<string, string>): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    env: { NODE_ENV: 'production', ...env },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`run failed (${r.status}): ${r.stderr}`);
  if (args[0] === BUNDLE && (JSON.parse(r.stdout) as { Version?: number }).Version !== 1) {
    throw new Error('unexpected output');
  }
  return ms;
}

async function timeAsync(args: string[], env: Record<string, string>): Promise<number> {
  const t = process.hrtime.bigint();
  const r = await runBundle(args, env);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.code !== 0) throw new Error(`run failed (${r.code}): ${r.stderr}`);
  return ms;
}

function seedWarmCache(env: Record<string, string>, server: string): void {
  const expiration = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const role = {
    id: ROLE,
    arn: 'arn:aws:iam::111122223333:role/Admin',
    region: 'eu-west-1',
    accountAlias: 'dev',
    roleName: 'Admin',
  };
  const credentials = {
    accessKeyId: 'ASIABENCH',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration,
  };
  writeCached({ env: cliEnv(env) }, { server, roleRef: ROLE, credentials, role });
}

function row(label: string, ms: number[]): string {
  const { p50, p95, min } = stats(ms);
  return `${label.padEnd(34)} n=${String(ms.length).padEnd(3)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  min ${min.toFixed(1).padStart(6)} ms`;
}

async function main(): Promise<void> {
  buildBundle();
  const sb = sandbox();
  const fake = await startFakeServer();
  try {
    const rows: string[] = [];
    const nowhere = 'http://127.0.0.1:9';
    seedWarmCache(sb.env, nowhere);
    const warmArgs = [BUNDLE, 'credential-process', '--role', ROLE, '--server', nowhere];
    for (let i = 0; i < 3; i++) timeSync(warmArgs, sb.env); // page cache, CPU frequency
    const node = Array.from({ length: N }, () => timeSync(['-e', '0'], sb.env));
    const warm = Array.from({ length: N }, () => timeSync(warmArgs, sb.env));
    rows.push(row('node -e 0 (baseline)', node), row('credential-process, warm cache', warm));
    const coldArgs = ['credential-process', '--role', ROLE, '--server', fake.url];
    const clear = () => fs.rmSync(credentialsDir(cliEnv(sb.env)), { recursive: true, force: true });
    const cold: number[] = [];
    const refresh: number[] = [];
    seedLogin(sb, fake);
    for (let i = 0; i < N; i++) {
      clear();
      cold.push(await timeAsync(coldArgs, sb.env));
    }
    for (let i = 0; i < N; i++) {
      clear();
      seedLogin(sb, fake, Date.now() - 3_600_000); // access token expired: refresh first
      refresh.push(await timeAsync(coldArgs, sb.env));
    }
    rows.push(
      row('credential-process, cache miss', cold),
      row('credential-process, token refresh', refresh),
    );
    const warmP50 = stats(warm).p50;
    process.stdout.write(
      `rolegate CLI (${BUNDLE}, ${fs.statSync(BUNDLE).size} bytes)\n${rows.join('\n')}\n`,
    );
    process.stdout.write(
      `warm p50 ${warmP50.toFixed(1)} ms: ${warmP50 <= TARGET_WARM_P50_MS ? 'within' : 'OVER'} the ${TARGET_WARM_P50_MS} ms target\n`,
    );
  } finally {
    await fake.close();
    sb.cleanup();
  }
}

void main();
