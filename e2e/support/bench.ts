/**
 * `npm run bench`: speed and memory figures for Rolegate on the production build with the full local
 * stack (demo IdP + AWS emulator). Two phases: one user in Debian Chromium on one instance (this file),
 * then the load phase (bench/load.ts: many HTTP users through two instances on PostgreSQL). Flags are in
 * bench/load-options.ts (`--load-only`, `--no-load`, `--no-build`, `--ci`, `--users`, `--seconds`). Targets are
 * checked here, never by timed tests; the exit status is 1 when the load phase's correctness targets fail.
 * Ports: BENCH_PORT (default 3300) for Rolegate, +1 for the OIDC IdP, +2 for the emulator, +3 for the SAML
 * IdP; the load phase uses BENCH_PORT+10 to BENCH_PORT+13+instances (bench/load.ts).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { timeConsole, timeCredentials } from './bench/api';
import { benchIssuance } from './bench/issuance';
import { benchLedger } from './bench/ledger-bench';
import { benchPicker } from './bench/picker-bench';
import { benchPolicy } from './bench/policy-bench';
import { launchBrowser, signInToRoles, timeRoleToKeys } from './bench/browser';
import { assertPortsFree, reapServer, serverPids } from './bench/lifecycle';
import { processStartedAtMs, treeMemory } from './bench/proc-mem';
import { runLoadPhase } from './bench/load';
import { parseBenchArgs } from './bench/load-options';
import { printReport } from './bench/report';
import { benchSamlValidation } from '../../lib/core/saml/sp/bench';
import { ensureBuild } from './demo/build';
import { demoPorts, ROOT, startStack, type Stack } from './demo/stack';
import { DEMO_PASSWORD } from './oidc-idp/users';

const ROLE_ID = '444455556666/Operator';
const ROLE_SLUG = 'prod-Operator';
const LOGIN = 'bob@example.com';
const RUNS = { roleToKeys: 20, credentials: 100, console: 30 } as const;
const IDLE_BEFORE_MEMORY_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function benchPort(): number {
  const port = Number(process.env.BENCH_PORT ?? 3300);
  if (!Number.isInteger(port) || port < 1 || port > 65533) throw new Error(`BENCH_PORT must be a port number, got ${process.env.BENCH_PORT}`);
  return port;
}

/** The single-user phase in Chromium; resolves with its figures. */
async function browserPhase(port: number, ledger: Record<string, unknown> | undefined, picker?: Record<string, unknown>): Promise<Record<string, unknown>> {
  const ports = demoPorts(port);
  await assertPortsFree([ports.app, ports.idp, ports.aws, ports.saml]);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rolegate-bench-'));
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let pids: number[] = [];
  try {
    const called = Date.now();
    stack = await startStack({ ports, dataDir, appStdio: 'ignore' });
    const healthyAt = Date.now();
    if (stack.appPid <= 0) throw new Error('Rolegate started without a process id');
    const startMs = healthyAt - processStartedAtMs(stack.appPid);
    const memAfterStart = treeMemory(stack.appPid, ports.app);
    pids = serverPids(stack.appPid);

    browser = await launchBrowser();
    const page = await (await browser.newContext({ baseURL: stack.appUrl })).newPage();
    await signInToRoles(page, LOGIN, DEMO_PASSWORD);
    const roleToKeys = await timeRoleToKeys(page, ROLE_SLUG, RUNS.roleToKeys);
    const credentials = await timeCredentials(page.request, stack.appUrl, ROLE_ID, RUNS.credentials);
    const consoleRun = await timeConsole(page.request, stack.appUrl, ROLE_ID, RUNS.console);

    await sleep(IDLE_BEFORE_MEMORY_MS);
    pids = [...new Set([...pids, ...serverPids(stack.appPid)])];
    const memAfterLoad = treeMemory(stack.appPid, ports.app);
    return printReport({ startMs, startStackMs: healthyAt - called, roleToKeys, credentials, console: consoleRun, memAfterStart, memAfterLoad, ledger, picker });
  } finally {
    await browser?.close().catch(() => undefined);
    await stack?.close();
    await reapServer(pids);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { BENCH_LOAD, BENCH_LOAD_USERS, BENCH_LOAD_SECONDS } = process.env;
  const args = parseBenchArgs(process.argv.slice(2), { BENCH_LOAD, BENCH_LOAD_USERS, BENCH_LOAD_SECONDS });
  const port = benchPort();
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  if (args.build) ensureBuild(ROOT);
  else if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) throw new Error('--no-build: there is no production build; run npm run build');
  // Issue 15 §3, opt-in (minutes of seeding): `--ledger [--sqlite-rows n] [--pg-rows n]`, before the stacks start.
  const ledger = args.ledger ? await benchLedger() : undefined;
  const issuance = args.issuance ? await benchIssuance(port, args.issuance) : undefined;
  // Issue 15 §4, opt-in: `--picker`, the role picker with 2,000 roles in 300 accounts on its own stack.
  const picker = args.picker ? await benchPicker(port) : undefined;
  // Issue 15 §1: SAML validation per core, in this process, beside plain samlify and the RSA verify floor.
  const saml = args.browser ? await benchSamlValidation() : undefined;
  // Issue 15 §4: rules evaluation and config parsing at 5,000 rules (in process, seconds).
  const policy = args.browser ? await benchPolicy() : undefined;
  const phase = args.browser ? await browserPhase(port, ledger, picker) : undefined;
  const browser = phase || issuance ? { ...(phase ?? {}), ...(saml ? { saml } : {}), ...(policy ? { policy } : {}), ...(issuance ? { issuance } : {}) } : undefined;
  if (!args.load) return 0;
  // A missed target is on the table's last row; the JSON object stays the run's last line.
  return (await runLoadPhase(args.load, port, { browser, appLogs: args.appLogs })) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
