import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { importClosure } from './import-closure';
import { filesToRun, recordable, testInputs, testsFor, watchedFiles } from './mutation-watch';

/** A tiny repository: two checks with a test each, a whole-pipeline test, a shared test helper. */
const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tree(): { root: string; mutate: string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'rg-mutwatch-'));
  roots.push(root);
  const files: Record<string, string> = {
    'lib/c/a.ts': "import { x } from './shared';\nexport const a = x;\n",
    'lib/c/b.ts': "import type { T } from './a';\nexport const b = 2;\n",
    'lib/c/shared.ts': 'export const x = 1;\n',
    'lib/c/pipeline.ts': "export { a } from './a';\nexport * from '@/lib/c/b';\n",
    'lib/c/testing/fixture.ts': 'export const f = 1;\n',
    'lib/c/a.test.ts': "import { a } from './a';\nimport { f } from './testing/fixture';\n",
    'lib/c/b.test.ts': "import { b } from './b';\n",
    'lib/c/pipeline.test.ts': "const p = await import('./pipeline');\n",
  };
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), text);
  }
  return { root, mutate: ['lib/c/a.ts', 'lib/c/b.ts', 'lib/c/pipeline.ts'] };
}

test('import closure: follows relative, @/ and dynamic imports, skips type-only ones', () => {
  const { root } = tree();
  assert.deepEqual([...importClosure(root, 'lib/c/pipeline.test.ts')].sort(), [
    'lib/c/a.ts', 'lib/c/b.ts', 'lib/c/pipeline.test.ts', 'lib/c/pipeline.ts', 'lib/c/shared.ts',
  ]);
  assert.deepEqual([...importClosure(root, 'lib/c/b.ts')], ['lib/c/b.ts']);
});

test('issue 12 §8: a changed test reruns only the mutate-set files it loads, not its whole directory', () => {
  const { root, mutate } = tree();
  const tests = testInputs(root, mutate);
  assert.deepEqual(filesToRun(root, mutate, tests, new Set(['lib/c/b.test.ts'])), ['lib/c/b.ts']);
  assert.deepEqual(filesToRun(root, mutate, tests, new Set(['lib/c/pipeline.test.ts'])), mutate);
});

test('issue 12 §8: a changed test helper reruns the files of the tests that load it', () => {
  const { root, mutate } = tree();
  const tests = testInputs(root, mutate);
  assert.deepEqual(filesToRun(root, mutate, tests, new Set(['lib/c/testing/fixture.ts'])), ['lib/c/a.ts']);
});

test('issue 12 §8: a changed mutate-set file reruns itself only; a changed plain source reruns nothing', () => {
  const { root, mutate } = tree();
  const tests = testInputs(root, mutate);
  assert.deepEqual(filesToRun(root, mutate, tests, new Set(['lib/c/a.ts'])), ['lib/c/a.ts']);
  assert.deepEqual(filesToRun(root, mutate, tests, new Set(['lib/c/shared.ts'])), []);
  assert.ok(!watchedFiles(mutate, tests).includes('lib/c/shared.ts'));
});

test('issue 12 §8: a deleted test reruns every mutate-set file of its directory', () => {
  const { root, mutate } = tree();
  const tests = testInputs(root, mutate);
  assert.deepEqual(filesToRun(root, mutate, tests, new Set(['lib/c/gone.test.ts'])), mutate);
});

test('issue 12 §8: tests and helpers feeding a failed file are not recorded', () => {
  const { root, mutate } = tree();
  const tests = testInputs(root, mutate);
  const recorded = recordable(mutate, tests, ['lib/c/b.ts'], ['lib/c/a.ts']);
  assert.deepEqual(recorded.sort(), ['lib/c/b.test.ts', 'lib/c/b.ts']);
});

test('issue 12 §8: Stryker runs only the tests that load the files it mutates', () => {
  const { root, mutate } = tree();
  const tests = testInputs(root, mutate);
  assert.deepEqual(testsFor(tests, ['lib/c/b.ts']), ['lib/c/b.test.ts', 'lib/c/pipeline.test.ts']);
  assert.deepEqual(testsFor(tests, ['lib/c/a.ts']), ['lib/c/a.test.ts', 'lib/c/pipeline.test.ts']);
});
