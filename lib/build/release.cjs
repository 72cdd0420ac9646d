#!/usr/bin/env node
/**
 * The release layout (issue 14 §2): `.next/standalone` after `npm run build` is Rolegate as the image runs
 * it — `node rolegate.cjs` from that folder alone, with no checkout, no sources and no dev dependencies.
 * Next's standalone output traces the packages the app's routes load; this step adds what our own server
 * needs on top: its bundle (lib/server/start/dist/server.cjs) as rolegate.cjs, next.config.js (read by
 * Next at start: headers, poweredByHeader), the static files, public/, the migrations SQL, and every
 * package the bundle requires (with its dependencies) that the trace left out or only partly copied.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain-Node build script */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, '.next/standalone');
const BUNDLE = path.join(ROOT, 'lib/server/start/dist/server.cjs');

/** Package names a CommonJS bundle requires or imports (bare specifiers, no node: builtins). */
function requiredPackages(text) {
  const names = new Set();
  for (const m of text.matchAll(/(?:require|import)\(\s*"([^".][^"]*)"\s*\)/g)) {
    const spec = m[1];
    if (spec.startsWith('node:') || require('node:module').isBuiltin(spec)) continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return [...names].sort();
}

/** The package's directory in the checkout's node_modules (hoisted, as npm installs). */
function packageDir(name) {
  return path.join(ROOT, 'node_modules', name);
}

/**
 * `name` and its runtime dependencies, transitively. Optional dependencies are left out: for `next` they
 * are the SWC compilers and sharp (build time and image optimisation, ~100 MB), none of which a
 * production server of Rolegate loads.
 */
function closure(names) {
  const seen = new Set();
  const todo = [...names];
  while (todo.length) {
    const name = todo.pop();
    if (seen.has(name)) continue;
    const dir = packageDir(name);
    if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error(`release: ${name} is required but not installed`);
    seen.add(name);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      if (!fs.existsSync(path.join(packageDir(dep), 'package.json'))) throw new Error(`release: ${name} needs ${dep}, which is not installed`);
      todo.push(dep);
    }
  }
  return [...seen].sort();
}

function copy(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true, dereference: true });
}

function release() {
  if (!fs.existsSync(path.join(OUT, '.next'))) throw new Error('release: .next/standalone is missing: run `next build` (next.config.js output: standalone)');
  if (!fs.existsSync(BUNDLE)) throw new Error('release: the server bundle is missing: run `node lib/server/start/build.cjs`');
  copy(BUNDLE, path.join(OUT, 'rolegate.cjs'));
  copy(path.join(ROOT, 'next.config.js'), path.join(OUT, 'next.config.js'));
  copy(path.join(ROOT, '.next/static'), path.join(OUT, '.next/static'));
  if (fs.existsSync(path.join(ROOT, 'public'))) copy(path.join(ROOT, 'public'), path.join(OUT, 'public'));
  copy(path.join(ROOT, 'prisma/migrations'), path.join(OUT, 'prisma/migrations'));
  // Next's own server.js is not how Rolegate starts (it would skip the preflight and the client-IP rules).
  fs.rmSync(path.join(OUT, 'server.js'), { force: true });
  // Every package the bundle requires is copied whole, with its dependencies: Next's trace covers what
  // its own standalone server loads, not its programmatic API (config loading), which our server uses.
  // react and react-dom are next's peers: the rendering of every page loads them.
  const packages = closure([...requiredPackages(fs.readFileSync(BUNDLE, 'utf8')), 'react', 'react-dom']);
  for (const name of packages) copy(packageDir(name), path.join(OUT, 'node_modules', name));
  return packages;
}

module.exports = { release, requiredPackages, OUT };

if (require.main === module) {
  try {
    const packages = release();
    process.stdout.write(`release: ${path.relative(ROOT, OUT)} (node rolegate.cjs), with ${packages.length} packages for the server\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
    process.exit(1);
  }
}
