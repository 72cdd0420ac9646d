/**
 * Mutation testing of what a change touched (issue 12 §8), for CI: `npm run test:mutation:changed`.
 * Compares every file of the Stryker mutate set, and every test file beside them, with its SHA-256 in
 * .ci/mutation-baseline.sha256 (sha256sum format; a checked-in file, so it works in a fresh clone without
 * history). A mutate-set file runs when it, or a test file in its directory, differs from, is missing from
 * or was deleted since that baseline. Fails unless every one of them scores ≥ 95 %, or when the run takes
 * longer than MUTATION_BUDGET_SECONDS (default 600, so .ci/run stays under 20 minutes). `--record` writes
 * the current hashes of the files that passed into the baseline.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileScores, MIN_SCORE } from './mutation-scores';

const root = path.resolve(import.meta.dirname, '../..');
const BASELINE = path.join(root, '.ci/mutation-baseline.sha256');
const REPORT = path.join(root, 'reports/mutation/mutation.json');
const budgetSeconds = Number(process.env.MUTATION_BUDGET_SECONDS ?? 600);

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(path.join(root, file))).digest('hex');

function readBaseline(): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(BASELINE)) return out;
  for (const line of readFileSync(BASELINE, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m) out.set(m[2] as string, m[1] as string);
  }
  return out;
}

/** The files whose state decides a mutate-set file's score: itself and the tests beside it. */
function watched(mutate: string[]): string[] {
  const dirs = [...new Set(mutate.map((f) => path.dirname(f)))];
  const tests = dirs.flatMap((d) => readdirSync(path.join(root, d)).filter((f) => f.endsWith('.test.ts')).map((f) => `${d}/${f}`));
  return [...mutate, ...tests].sort();
}

function changedFiles(mutate: string[], baseline: Map<string, string>): string[] {
  const files = watched(mutate);
  const differs = new Set(files.filter((f) => baseline.get(f) !== sha256(f)));
  const dirs = new Set(mutate.map((f) => path.dirname(f)));
  // A deleted test file lowers the scores of its directory as surely as an edited one.
  for (const f of baseline.keys()) if (!files.includes(f) && dirs.has(path.dirname(f))) differs.add(f);
  const testDirs = new Set([...differs].filter((f) => f.endsWith('.test.ts')).map((f) => path.dirname(f)));
  return mutate.filter((f) => differs.has(f) || testDirs.has(path.dirname(f)));
}

function runStryker(files: string[]): Promise<number> {
  const args = ['stryker', 'run', '--mutate', files.join(','), '--concurrency', process.env.MUTATION_CONCURRENCY ?? '2'];
  const child = spawn('npx', args, { cwd: root, stdio: 'inherit', detached: true });
  let overBudget = false;
  const timer = setTimeout(() => {
    overBudget = true;
    console.error(`mutation: over the ${budgetSeconds}s budget; run it locally: npx ${args.join(' ')}`);
    process.kill(-(child.pid as number), 'SIGTERM');
  }, budgetSeconds * 1000);
  return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(timer), resolve(overBudget ? 1 : code ?? 1))));
}

async function main(): Promise<number> {
  const { mutateFiles } = (await import(path.join(root, 'stryker.config.mjs'))) as { mutateFiles: string[] };
  const baseline = readBaseline();
  const changed = changedFiles(mutateFiles, baseline);
  if (changed.length === 0) {
    console.log('mutation: no file of the mutate set (or its tests) differs from .ci/mutation-baseline.sha256');
    return 0;
  }
  console.log(`mutation: ${changed.length} changed file(s): ${changed.join(' ')}`);
  const code = await runStryker(changed);
  if (code !== 0) return code;
  const scores = fileScores(JSON.parse(readFileSync(REPORT, 'utf8')));
  const low = changed.filter((f) => (scores.get(f) ?? 0) < MIN_SCORE);
  for (const f of low) console.error(`mutation: ${f} scores ${(scores.get(f) ?? 0).toFixed(1)} %, below ${MIN_SCORE} %`);
  if (process.argv.includes('--record')) record(mutateFiles, changed.filter((f) => !low.includes(f)), low, baseline);
  return low.length === 0 ? 0 : 1;
}

/** Writes the hashes of the passing files, and of the test files in directories where nothing failed. */
function record(mutate: string[], passed: string[], failed: string[], baseline: Map<string, string>): void {
  const failedDirs = new Set(failed.map((f) => path.dirname(f)));
  const tests = watched(mutate).filter((f) => f.endsWith('.test.ts') && !failedDirs.has(path.dirname(f)));
  for (const f of [...passed, ...tests]) baseline.set(f, sha256(f));
  const lines = [...baseline].filter(([f]) => existsSync(path.join(root, f))).sort(([a], [b]) => a.localeCompare(b));
  writeFileSync(BASELINE, lines.map(([f, h]) => `${h}  ${f}\n`).join(''));
  console.log(`mutation: recorded ${passed.length} file(s) in .ci/mutation-baseline.sha256`);
}

main().then((code) => process.exit(code));
