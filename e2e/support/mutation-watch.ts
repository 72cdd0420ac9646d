/**
 * Which files of the Stryker mutate set a change can lower the score of (the mutation gate, issue 12 §8).
 * A mutate-set file's score depends on its own code and on the tests that load it: a test file and the test
 * helpers it loads (files under a `testing/` folder, and the attack suite's cases under e2e/). So a changed mutate-set file reruns itself, and a
 * changed, added or deleted test or helper reruns the mutate-set files its tests load (their import
 * closure), not its whole directory: one edited SAML check test reruns that check, not all twelve.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { importClosure } from './import-closure';

const isTest = (f: string): boolean => f.endsWith('.test.ts');
// Tests, helpers under a `testing/` folder, and the attack suite's cases under e2e/.
const isTestSupport = (f: string): boolean => isTest(f) || f.split('/').includes('testing') || f.startsWith('e2e/');

export interface TestInputs {
  /** Test file → the mutate-set files it loads. */
  covers: Map<string, string[]>;
  /** Test file → the test files and helpers whose content decides what it checks (itself included). */
  inputs: Map<string, string[]>;
}

/** The SAML attack suite, run as node:test tests: it can kill mutants in every file it loads. */
export const ATTACK_SUITE = 'e2e/attacks/attacks.test.ts';

export function testInputs(root: string, mutate: string[]): TestInputs {
  const dirs = [...new Set(mutate.map((f) => path.dirname(f)))];
  const beside = dirs.flatMap((d) => readdirSync(path.join(root, d)).filter(isTest).map((f) => `${d}/${f}`));
  const tests = existsSync(path.join(root, ATTACK_SUITE)) ? [...beside, ATTACK_SUITE] : beside;
  const covers = new Map<string, string[]>();
  const inputs = new Map<string, string[]>();
  for (const test of tests) {
    const closure = importClosure(root, test);
    covers.set(test, mutate.filter((f) => closure.has(f)));
    inputs.set(test, [...closure].filter(isTestSupport).sort());
  }
  return { covers, inputs };
}

/** Every file whose hash the baseline keeps: the mutate set, the tests beside it and their helpers. */
export function watchedFiles(mutate: string[], tests: TestInputs): string[] {
  return [...new Set([...mutate, ...[...tests.inputs.values()].flat()])].sort();
}

/**
 * The mutate-set files to run, given the files that differ from the baseline (`differs`, deleted ones
 * included). A deleted test's imports are unknown, so it reruns the mutate-set files of its directory.
 */
export function filesToRun(root: string, mutate: string[], tests: TestInputs, differs: Set<string>): string[] {
  const run = new Set(mutate.filter((f) => differs.has(f)));
  for (const [test, inputs] of tests.inputs) {
    if (inputs.some((f) => differs.has(f))) for (const f of tests.covers.get(test) ?? []) run.add(f);
  }
  for (const f of differs) {
    if (isTestSupport(f) && !existsSync(path.join(root, f))) {
      for (const m of mutate) if (path.dirname(m) === path.dirname(f) || f.startsWith(`${path.dirname(m)}/`)) run.add(m);
    }
  }
  return mutate.filter((f) => run.has(f));
}

/** The test files that load any of `files`: all Stryker needs to run to score them. */
export function testsFor(tests: TestInputs, files: string[]): string[] {
  return [...tests.covers].filter(([, covered]) => covered.some((f) => files.includes(f))).map(([test]) => test).sort();
}

/** The watched files whose hashes may be recorded: none that feed a test covering a failed file. */
export function recordable(mutate: string[], tests: TestInputs, passed: string[], failed: string[]): string[] {
  const tainted = new Set<string>();
  for (const [test, covered] of tests.covers) {
    if (covered.some((f) => failed.includes(f))) for (const f of tests.inputs.get(test) ?? []) tainted.add(f);
  }
  const support = watchedFiles(mutate, tests).filter((f) => isTestSupport(f) && !tainted.has(f));
  return [...passed, ...support];
}
