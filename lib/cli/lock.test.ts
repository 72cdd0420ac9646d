import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { singleflight } from './lock';

const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-lock-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const lockPath = () => path.join(dir, `l${++n}.lock`);

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('singleflight (cross-process lock)', () => {
  it('runs produce under the lock and removes the lock afterwards', async () => {
    const file = lockPath();
    const out = await singleflight(
      file,
      () => undefined,
      async () => {
        assert.ok(existsSync(file), 'held while producing');
        return 42;
      },
    );
    assert.equal(out, 42);
    assert.equal(existsSync(file), false);
  });

  it('returns the result of check() without producing when it is already there', async () => {
    let produced = 0;
    const out = await singleflight(
      lockPath(),
      () => 'cached',
      async () => `${++produced}`,
    );
    assert.deepEqual([out, produced], ['cached', 0]);
  });

  it('concurrent callers in one process: one produces, the others read its result', async () => {
    const file = lockPath();
    let value: number | undefined;
    let produced = 0;
    const produce = async () => {
      produced += 1;
      await new Promise((r) => setTimeout(r, 100));
      value = 7;
      return value;
    };
    const all = await Promise.all(
      Array.from({ length: 5 }, () => singleflight(file, () => value, produce, { pollMs: 5 })),
    );
    assert.deepEqual(all, [7, 7, 7, 7, 7]);
    assert.equal(produced, 1);
  });

  it('breaks a lock left by a process that died', async () => {
    const file = lockPath();
    writeFileSync(file, JSON.stringify({ pid: deadPid(), nonce: 'x', createdAt: Date.now() }));
    const out = await singleflight(
      file,
      () => undefined,
      async () => 'mine',
      { pollMs: 5 },
    );
    assert.equal(out, 'mine');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('stale')),
      [],
    );
  });

  it('breaks a lock older than staleMs even if its pid is alive (a hung holder)', async () => {
    const file = lockPath();
    writeFileSync(
      file,
      JSON.stringify({ pid: process.pid, nonce: 'y', createdAt: Date.now() - 10_000 }),
    );
    const out = await singleflight(
      file,
      () => undefined,
      async () => 'mine',
      { pollMs: 5, staleMs: 5_000 },
    );
    assert.equal(out, 'mine');
  });

  it('judges an unreadable lock by its file age', async () => {
    const file = lockPath();
    writeFileSync(file, '');
    const old = (Date.now() - 10_000) / 1000;
    utimesSync(file, old, old);
    assert.equal(
      await singleflight(
        file,
        () => undefined,
        async () => 1,
        { pollMs: 5, staleMs: 5_000 },
      ),
      1,
    );
  });

  it('waits for a live lock, and gives up after timeoutMs', async () => {
    const file = lockPath();
    writeFileSync(file, JSON.stringify({ pid: process.pid, nonce: 'z', createdAt: Date.now() }));
    await assert.rejects(
      singleflight(
        file,
        () => undefined,
        async () => 1,
        { pollMs: 5, timeoutMs: 50 },
      ),
      /timed out waiting for another rolegate/,
    );
    assert.ok(existsSync(file), 'a live lock is not broken');
  });
});
