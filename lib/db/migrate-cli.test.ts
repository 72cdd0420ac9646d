/** `npm run migrate` as separate processes: what happens when several instances start at once. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { DIALECTS, createEmptyDatabase, dropDatabase, skipReason } from './test-support/databases';
import { runSql } from './test-support/sql';

const root = path.resolve(import.meta.dirname, '../..');
const shipped = (dialect: string) =>
  readdirSync(path.join(root, 'prisma/migrations', dialect))
    .filter((name) => name.endsWith('.sql'))
    .sort();

async function runCli(
  databaseUrl: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'prisma/migrate-cli.ts'],
      { cwd: root, env },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

for (const dialect of DIALECTS) {
  it(
    `migrate CLI [${dialect}]: three processes started together apply each migration once`,
    { skip: skipReason(dialect) },
    async () => {
      const url = await createEmptyDatabase(dialect);
      try {
        const runs = await Promise.all([runCli(url), runCli(url), runCli(url)]);
        assert.deepEqual(
          runs.map((r) => [r.code, r.stderr]),
          [
            [0, ''],
            [0, ''],
            [0, ''],
          ],
        );
        // Each file is applied under its own lock, so the files may be shared out between processes;
        // together they apply every one exactly once, and a process that applied none says so.
        const applied = runs.flatMap((r) => {
          const out = r.stdout.trim();
          if (out === 'migrate: database is up to date') return [];
          assert.match(out, /^migrate: applied /);
          return out.slice('migrate: applied '.length).split(', ');
        });
        assert.deepEqual(applied.sort(), shipped(dialect));
        const recorded = await runSql(
          url,
          'SELECT "name" FROM "_rolegate_migrations" ORDER BY "name"',
        );
        assert.deepEqual(
          recorded,
          shipped(dialect).map((name) => ({ name })),
        );
      } finally {
        await dropDatabase(url);
      }
    },
  );
}

it('migrate CLI: a bad DATABASE_URL exits non-zero with a clear message', async () => {
  const run = await runCli('mysql://root:hunter2@db/rolegate');
  assert.equal(run.code, 1);
  assert.match(run.stderr, /DATABASE_URL must start with file:/);
  assert.ok(!run.stderr.includes('hunter2'));
});
