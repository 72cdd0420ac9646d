/** Issue 12 §7: the demo's database, config and secrets are created 0600 (the data directory 0700). */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { migrate } from '../../../prisma/migrate';
import { demoPorts, rolegateEnv } from './stack';

const mode = (file: string) => statSync(file).mode & 0o777;

test('the demo data directory is 0700 and its database, config and secrets files are 0600', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'rolegate-demo-mode-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const previous = process.umask(0o022); // the usual umask: without care files come out 0644
  t.after(() => process.umask(previous));
  const dataDir = path.join(root, 'data');
  const env = rolegateEnv({ ports: demoPorts(3400), dataDir });
  assert.equal(mode(dataDir), 0o700);
  for (const name of ['rolegate.db', 'rolegate.yaml', 'demo-secrets.json']) assert.equal(mode(path.join(dataDir, name)), 0o600, name);
  // The app migrates the database it is given: SQLite keeps the file's mode.
  assert.equal(env.DATABASE_URL, `file:${path.join(dataDir, 'rolegate.db')}`);
  await migrate(env.DATABASE_URL ?? '');
  assert.equal(mode(path.join(dataDir, 'rolegate.db')), 0o600);
});

test('files an earlier run left readable to others are made 0600 again', (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rolegate-demo-mode-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  rolegateEnv({ ports: demoPorts(3400), dataDir });
  for (const name of ['rolegate.db', 'rolegate.yaml', 'demo-secrets.json']) chmodSync(path.join(dataDir, name), 0o644);
  writeFileSync(path.join(dataDir, 'rolegate.yaml'), 'stale');
  rolegateEnv({ ports: demoPorts(3400), dataDir });
  for (const name of ['rolegate.db', 'rolegate.yaml', 'demo-secrets.json']) assert.equal(mode(path.join(dataDir, name)), 0o600, name);
});
