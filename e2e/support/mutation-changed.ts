/**
 * Mutation testing of what a change touched (issue 12 §8), for CI: `npm run test:mutation:changed`.
 * Compares every file of the Stryker mutate set, the tests beside them and their helpers with its SHA-256 in
 * .ci/mutation-baseline.sha256 (sha256sum format; a checked-in file, so it works in a fresh clone without
 * history). Which mutate-set files a difference reruns is decided in mutation-watch.ts (a changed test
 * reruns the files it loads). Fails unless every one of them scores ≥ 95 %, or when the run takes
 * longer than MUTATION_BUDGET_SECONDS (default 600, so .ci/run stays under 20 minutes). `--record` writes
 * the current hashes of the files that passed into the baseline; `--list` only prints what would run.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileScores, MIN_SCORE } from './mutation-scores';
import { filesToRun, recordable, testInputs, testsFor, watchedFiles, type TestInputs } from './mutation-watch';

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

function runStryker(files: string[], testFiles: string[]): Promise<number> {
  const args = ['stryker', 'run', '--mutate', files.join(','), '--concurrency', process.env.MUTATION_CONCURRENCY ?? '2'];
  // Only the tests that load these files (stryker.config.mjs reads STRYKER_TEST_FILES).
  const env = { ...process.env, STRYKER_TEST_FILES: testFiles.join(',') };
  const child = spawn('npx', args, { cwd: root, stdio: 'inherit', detached: true, env });
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
  const tests = testInputs(root, mutateFiles);
  const watched = watchedFiles(mutateFiles, tests);
  const differs = new Set(watched.filter((f) => baseline.get(f) !== sha256(f)));
  for (const f of baseline.keys()) if (!existsSync(path.join(root, f))) differs.add(f);
  const changed = filesToRun(root, mutateFiles, tests, differs);
  if (changed.length === 0) {
    console.log('mutation: no file of the mutate set (or its tests) differs from .ci/mutation-baseline.sha256');
    return 0;
  }
  console.log(`mutation: ${changed.length} file(s) to run: ${changed.join(' ')}`);
  if (process.argv.includes('--list')) return 0;
  const code = await runStryker(changed, testsFor(tests, changed));
  if (code !== 0) return code;
  const scores = fileScores(JSON.parse(readFileSync(REPORT, 'utf8')));
  const low = changed.filter((f) => (scores.get(f) ?? 0) < MIN_SCORE);
  for (const f of low) console.error(`mutation: ${f} scores ${(scores.get(f) ?? 0).toFixed(1)} %, below ${MIN_SCORE} %`);
  if (process.argv.includes('--record')) record(mutateFiles, tests, changed.filter((f) => !low.includes(f)), low, baseline);
  return low.length === 0 ? 0 : 1;
}

/** Writes the hashes of the passing files, and of the tests and helpers that feed no failed file. */
function record(mutate: string[], tests: TestInputs, passed: string[], failed: string[], baseline: Map<string, string>): void {
  for (const f of recordable(mutate, tests, passed, failed)) baseline.set(f, sha256(f));
  const lines = [...baseline].filter(([f]) => existsSync(path.join(root, f))).sort(([a], [b]) => a.localeCompare(b));
  writeFileSync(BASELINE, lines.map(([f, h]) => `${h}  ${f}\n`).join(''));
  console.log(`mutation: recorded ${passed.length} file(s) in .ci/mutation-baseline.sha256`);
}

main().then((code) => process.exit(code));
