/**
 * Builds the production bundle when it is missing or older than the sources, so `npm run demo` always
 * serves the code in the work tree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'lib', 'public', 'proxy.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
/** Output directories inside lib/: Prisma clients and the esbuild bundles (CLI, server), not sources. */
const GENERATED = new Set(['generated', 'dist']);

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, name) => (GENERATED.has(name) || name.endsWith('.test.ts') ? m : Math.max(m, newestMtime(path.join(p, name)))), st.mtimeMs);
}

/** The Prisma clients are generated code (not committed): make sure they exist before building. */
function ensurePrismaClients(root: string): void {
  if (existsSync(path.join(root, 'lib/db/generated/sqlite/client.ts')) && existsSync(path.join(root, 'lib/db/generated/postgresql/client.ts'))) return;
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'prisma/generate.ts')], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('prisma generate failed');
}

export function ensureBuild(root: string): void {
  ensurePrismaClients(root);
  const buildId = path.join(root, '.next/BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (builtAt > changedAt) return;
  console.log(builtAt ? 'rolegate: sources changed since the last build; rebuilding…' : 'rolegate: building the production bundle (first run)…');
  const res = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (res.status !== 0) throw new Error('next build failed');
}
