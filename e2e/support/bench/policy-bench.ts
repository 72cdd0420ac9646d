/**
 * The rules and config figures of issue 15 §4 ("a big catalogue"), in process: a 5,000-rule config over
 * 300 accounts (policy-config.ts) and users with 200 groups. Prints one line per figure:
 * - evaluate: the roles one user holds by rule (evaluatePolicy), p50/p99, target < 1 ms; and 50 users in turn;
 * - the issuance re-check of a role held only through a grant (findHeldRole);
 * - the reverse preview ("who can assume this role") over 500 users, and the longest event-loop block in it;
 * - config: YAML parse, validate (schema and cross-checks; target < 200 ms) and parseConfigText of a text
 *   never seen, then the live config's start and adoptions (policy-adopt.ts).
 * `node --import tsx e2e/support/bench/policy-bench.ts` runs it alone (last line: one JSON object);
 * `npm run bench` runs it before the browser phase and puts its summary in the final JSON.
 */
import os from 'node:os';
import { parseConfigText, readConfigDocument, validateConfigDocument } from '../../../lib/core/config/parse';
import { findHeldRole, type HeldRoleDeps } from '../../../lib/core/issuance/held-roles';
import { roleHolders } from '../../../lib/core/issuance/role-holders';
import { evaluatePolicy } from '../../../lib/core/policy/evaluate';
import type { Grant } from '../../../lib/core/policy/grants';
import { timeAdoption } from './policy-adopt';
import { CATALOGUE, catalogueUser, catalogueYaml } from './policy-config';
import { summarize, type Summary } from './stats';
import { runAsScript } from './as-script';

export const POLICY_TARGETS = { evaluateMs: 1, validateMs: 200 } as const;
const RUNS = { evaluate: 300, heldByGrant: 100, preview: 3, parse: 5 } as const;
const PREVIEW_USERS = 500;

const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)}${value}`);
const fmt = (x: number) => (x < 10 ? x.toFixed(3) : x.toFixed(1));
const verdict = (value: number, target: number) => (value < target ? 'ok' : `OVER ${target} ms`);

/** Milliseconds of each of `runs` calls (after `warm` untimed ones). */
async function sample(runs: number, step: (i: number) => unknown, warm = 0): Promise<number[]> {
  for (let i = 0; i < warm; i++) await step(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await step(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Exact percentiles (stats.ts rounds to 0.1 ms, too coarse for sub-millisecond figures). */
function fine(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { ...summarize(samples), min: r(s[0] ?? Number.NaN), p50: r(at(50)), p95: r(at(95)), p99: r(at(99)), max: r(s.at(-1) ?? Number.NaN) };
}

function configFigures(text: string) {
  // A comment makes each text new, so no cache can answer: the figures are a first parse.
  const fresh = (i: number) => `${text}# bench run ${i}\n`;
  const yamlMs: number[] = [];
  const validateMs: number[] = [];
  for (let i = 0; i < RUNS.parse; i++) {
    const t0 = performance.now();
    const raw = readConfigDocument(fresh(i), 'bench.yaml');
    const t1 = performance.now();
    validateConfigDocument(raw, 'bench.yaml');
    yamlMs.push(t1 - t0);
    validateMs.push(performance.now() - t1);
  }
  return { yamlMs: summarize(yamlMs), validateMs: summarize(validateMs) };
}

/** The longest time between two turns of the event loop while `work` runs (a 1 ms ticker's largest gap). */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ result: T; blockMs: number }> {
  let last = performance.now();
  let max = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 1);
  try {
    const result = await work();
    return { result, blockMs: Math.max(max, performance.now() - last) };
  } finally {
    clearInterval(ticker);
  }
}

async function previewFigures(deps: HeldRoleDeps, roleId: string) {
  const candidates = Array.from({ length: PREVIEW_USERS }, (_, i) => ({ user: i, userId: `user-${1000 + i}`, claims: catalogueUser(1000 + i) }));
  let holders = 0;
  let longestBlockMs = 0;
  const samples = await sample(RUNS.preview, async () => {
    const run = await longestBlock(() => roleHolders(deps, roleId, candidates));
    holders = run.result.length;
    longestBlockMs = Math.max(longestBlockMs, Math.round(run.blockMs * 10) / 10);
  });
  return { ms: summarize(samples), holders, longestBlockMs };
}

/** Runs every figure; returns the JSON summary (also printed as the last line when standalone). */
export async function benchPolicy(): Promise<Record<string, unknown>> {
  console.log(`Rules and config benchmark (node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg()[0]?.toFixed(1)})`);
  const text = catalogueYaml();
  const config = parseConfigText(text, 'bench.yaml');
  console.log(`  ${config.rules.length} rules, ${config.roles.size} roles in ${CATALOGUE.accounts} accounts, ${Math.round(text.length / 1024)} KiB of YAML; users with ${CATALOGUE.groupsPerUser} groups`);

  const user = catalogueUser(1);
  const held = evaluatePolicy(user, config.rules, config.roles);
  const evaluate = fine(await sample(RUNS.evaluate, () => evaluatePolicy(user, config.rules, config.roles), 20));
  line(`evaluate (${held.length} roles held)`, `p50 ${fmt(evaluate.p50)} ms  p99 ${fmt(evaluate.p99)} ms  ${verdict(evaluate.p50, POLICY_TARGETS.evaluateMs)}`);
  // Each request is another person: the same evaluation for 50 users in turn (colder caches than one user's).
  const crowd = Array.from({ length: 50 }, (_, i) => catalogueUser(100 + i));
  const evaluateMany = fine(await sample(RUNS.evaluate, (i) => evaluatePolicy(crowd[i % crowd.length] ?? user, config.rules, config.roles), 50));
  line('evaluate, 50 users in turn', `p50 ${fmt(evaluateMany.p50)} ms  p99 ${fmt(evaluateMany.p99)} ms`);

  const heldIds = new Set(held.map((g) => g.role.id));
  const grantRole = [...config.roles.keys()].find((id) => !heldIds.has(id)) ?? '';
  const now = new Date('2031-05-01T10:00:00Z');
  const grant: Grant = {
    id: 'g1', roleId: grantRole, userId: 'user-1', reason: 'bench', requestedBy: 'admin', requestedAt: now, startsAt: now,
    durationSeconds: 3600, requiredApprovals: 0, status: 'active', activatedAt: now, approvals: [],
  };
  const deps: HeldRoleDeps = { config, grants: async (userId) => (userId === grant.userId ? [grant] : []), now: () => now };
  const byGrant = fine(await sample(RUNS.heldByGrant, () => findHeldRole(deps, user, 'user-1', grantRole), 5));
  line('issuance re-check, role held by a grant', `p50 ${fmt(byGrant.p50)} ms  p99 ${fmt(byGrant.p99)} ms`);

  const previewRole = [...config.roles.keys()][50] ?? '';
  const preview = await previewFigures(deps, previewRole);
  line(`reverse preview, ${PREVIEW_USERS} users (${preview.holders} hold it)`, `p50 ${fmt(preview.ms.p50)} ms  longest event-loop block ${preview.longestBlockMs} ms`);

  const { yamlMs, validateMs } = configFigures(text);
  line('config: YAML parse (new text)', `p50 ${fmt(yamlMs.p50)} ms`);
  line('config: validate (schema + cross-checks)', `p50 ${fmt(validateMs.p50)} ms  ${verdict(validateMs.p50, POLICY_TARGETS.validateMs)}`);
  line('config: parse + validate (new text)', `p50 ${fmt(yamlMs.p50 + validateMs.p50)} ms`);
  const edited = text.replace('- id: rule-7\n', '- id: rule-7\n    disabled: true\n');
  const adopt = await timeAdoption(text, edited);
  line('live config: start on a stored revision', `${fmt(adopt.startMs)} ms`);
  line('live config: adopt a new revision', `${fmt(adopt.adoptNewMs)} ms`);
  line('live config: adopt a known revision', `${fmt(adopt.adoptKnownMs)} ms`);

  const pass = evaluate.p50 < POLICY_TARGETS.evaluateMs && validateMs.p50 < POLICY_TARGETS.validateMs;
  return { targets: POLICY_TARGETS, rules: config.rules.length, roles: config.roles.size, evaluateMs: evaluate, evaluateManyMs: evaluateMany, heldByGrantMs: byGrant, preview, yamlMs, validateMs, adopt, pass };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAsScript('policy', () => benchPolicy());
}
