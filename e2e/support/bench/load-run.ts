/**
 * The load phase's two runs against a started fleet: a short warm-up (every instance has signed people in
 * both ways and issued by both deliveries before the clock starts; it also yields keys for the emulator
 * floor), then N virtual users for the duration, started over a short ramp.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Credentials } from '../../../lib/core/types';
import type { Fleet } from '../demo/fleet';
import { AppClient, virtualAddress } from './load-http';
import type { LoadOptions } from './load-options';
import { ownCpuSec } from './load-procs';
import { Recorder } from './load-record';
import { issue, PERSONAS, type Persona, runUser, signIn, signinOperation } from './load-user';

export interface WarmUp {
  rec: Recorder;
  credentials: Credentials;
  ms: number;
}

/**
 * Untimed: every persona signs in and takes keys and a console link (all personas at once; the proxy
 * spreads their requests over the instances) before the clock starts. On a fresh database this is where
 * the fleet makes each SAML connection's SP keys and fetches each IdP's metadata: one-time costs that are
 * not the steady state.
 */
export async function warmUp(fleet: Fleet, users: number, runTag: string, stop: AbortSignal): Promise<WarmUp> {
  const rec = new Recorder();
  const t0 = performance.now();
  let n = 0;
  const persona = async (p: Persona, index: number): Promise<string | undefined> => {
    const app = new AppClient(fleet.appUrl, virtualAddress(users + index), rec, stop);
    await signIn(app, fleet, p);
    rec.ok(signinOperation(p), 0);
    let got: string | undefined;
    for (const roleId of p.roles) got = await issue(app, 'issuance', roleId, `${runTag}-warm-${n++}`);
    await issue(app, 'console', p.roles[0] ?? '', `${runTag}-warm-${n++}`);
    return got;
  };
  const keys = (await Promise.all(PERSONAS.map(persona))).find((k) => k !== undefined);
  const credentials = keys ? (JSON.parse(keys) as { credentials?: Credentials }).credentials : undefined;
  if (!credentials) throw new Error('warm-up: no keys to measure the emulator with');
  return { rec, credentials, ms: performance.now() - t0 };
}

export interface Drive {
  rec: Recorder;
  wallMs: number;
  generator: { cpuSec: number; eventLoopDelayP99Ms: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the users until `seconds` have passed (operations under way then finish); `stop` aborts what is
 * still running at the hard stop. Users start spread over the first 2 s (or a fifth of a shorter run).
 */
export async function drive(fleet: Fleet, opts: LoadOptions, runTag: string, stop: AbortSignal): Promise<Drive> {
  const rec = new Recorder();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const cpu0 = ownCpuSec();
  delay.enable();
  const started = performance.now();
  const deadline = Date.now() + opts.seconds * 1000;
  const rampMs = Math.min(2_000, (opts.seconds * 1000) / 5);
  const user = async (index: number) => {
    await sleep((rampMs * index) / opts.users);
    await runUser({ index, appUrl: fleet.appUrl, idpUrl: fleet.idpUrl, samlIdpUrl: fleet.samlIdpUrl, rec, deadline, stop, runTag });
  };
  await Promise.all(Array.from({ length: opts.users }, (_, i) => user(i)));
  const wallMs = performance.now() - started;
  delay.disable();
  return { rec, wallMs, generator: { cpuSec: ownCpuSec() - cpu0, eventLoopDelayP99Ms: delay.percentile(99) / 1e6 } };
}
