/**
 * Runs every unit and integration test (`*.test.ts` under lib/, prisma/ and e2e/support/) with Node's test
 * runner. Node 20's `--test` takes no globs, so the files are listed here. Two files at a time (the CI machine
 * has two cores): each database test makes its own SQLite file or PostgreSQL database, servers listen on port 0.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const dirs = ['lib', 'prisma', 'e2e/support'];
const filter = process.argv[2];

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'generated') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
  return out;
}

const files = dirs.flatMap((d) => walk(path.join(root, d), [])).filter((f) => !filter || f.includes(filter)).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
