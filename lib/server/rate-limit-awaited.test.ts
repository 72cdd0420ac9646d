/**
 * Issue 14 §3 made taking a rate-limit token async. A call that is not awaited does not limit anything
 * (its refusal becomes an unhandled rejection after the request went on), and ESLint here is not
 * type-aware enough to flag a floating promise, so this scans every source file under app/ and lib/.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'generated', 'dist']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

// A call of the two helpers or of a limiter's take(), with the word before it (await, function, …).
const CALLS = /(\w+\s+)?\b(enforceRateLimit|takeIpToken|limits\.\w+\.take|limiter\.take)\(/g;

function calls(text: string): { awaited: boolean; call: string }[] {
  return [...text.matchAll(CALLS)]
    .filter((m) => m[1]?.trim() !== 'function')
    .map((m) => ({ awaited: m[1]?.trim() === 'await', call: m[0].trim() }));
}

test('every rate-limit take outside tests is awaited', () => {
  const found = ['app', 'lib'].flatMap((d) => sources(path.join(ROOT, d))).flatMap((f) => calls(readFileSync(f, 'utf8')).map((c) => ({ ...c, file: path.relative(ROOT, f) })));
  assert.ok(found.length >= 6, `only ${found.length} call sites found: the scan is broken`);
  assert.deepEqual(found.filter((c) => !c.awaited).map((c) => `${c.file}: ${c.call}`), []);
});

test('the scan tells an awaited call from a floating one (so the check above can fail)', () => {
  const text = 'export async function takeIpToken(l) {}\n  enforceRateLimit(c.limits.deviceCode, k);\n  await takeIpToken(l, s, h);\n  const d = limiter.take(key);';
  assert.deepEqual(calls(text), [
    { awaited: false, call: 'enforceRateLimit(' },
    { awaited: true, call: 'await takeIpToken(' },
    { awaited: false, call: 'limiter.take(' },
  ]);
});
