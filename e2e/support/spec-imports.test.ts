/**
 * Every end-to-end spec and fixture takes `test` from e2e/fixtures/test.ts, whose automatic fixture closes
 * the browser contexts a test opened: one taken from '@playwright/test' directly would leak its contexts
 * (and their running pages) into the rest of the run again.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const E2E = path.resolve(import.meta.dirname, '..');
const DIRS = ['ui', 'api', 'cli', 'fixtures'];

/** The names a file imports from '@playwright/test' (type-only names included). */
export function playwrightImports(source: string): string[] {
  return [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@playwright\/test'/g)].flatMap((m) =>
    (m[1] ?? '').split(',').map((n) => n.trim()).filter(Boolean),
  );
}

test('the check sees a `test` imported from @playwright/test, renamed or not', () => {
  assert.deepEqual(playwrightImports("import { expect, test, type Page } from '@playwright/test';"), ['expect', 'test', 'type Page']);
  assert.deepEqual(playwrightImports("import { test as base } from '@playwright/test';"), ['test as base']);
  assert.deepEqual(playwrightImports("import { test } from '../fixtures/test';"), []);
});

test('no spec or fixture but fixtures/test.ts takes `test` from @playwright/test', () => {
  const offenders = DIRS.flatMap((dir) =>
    readdirSync(path.join(E2E, dir))
      .filter((name) => name.endsWith('.ts') && !(dir === 'fixtures' && name === 'test.ts'))
      .filter((name) => playwrightImports(readFileSync(path.join(E2E, dir, name), 'utf8')).some((n) => /^test\b/.test(n)))
      .map((name) => `${dir}/${name}`),
  );
  assert.deepEqual(offenders, []);
});
