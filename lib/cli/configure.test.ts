import assert from 'node:assert/strict';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { BLOCK_END, BLOCK_START } from './aws-config';
import { EXIT } from './errors';
import { DEFAULT_ROLES, fakeRole } from './test-support/fake-state';
import { runInProcess } from './test-support/harness';
import { cliTestbed } from './test-support/testbed';

/** Goldens name the server SERVER (the fake's port changes every run). */
const golden = (name: string) =>
  readFileSync(path.join(import.meta.dirname, 'golden', name), 'utf8');
const SELF = { node: '/usr/bin/node', script: '/opt/Role Gate/lib/cli/dist/rolegate.cjs' };

const t = cliTestbed({
  reset: ({ fake, sb }) => {
    fake.state.roles = [...DEFAULT_ROLES];
    mkdirSync(path.dirname(sb.awsConfig), { recursive: true });
  },
});

const configure = (...args: string[]) => runInProcess(['configure', ...args], t.sb, { self: SELF });
const read = () => readFileSync(t.sb.awsConfig, 'utf8').replaceAll(t.fake.url, 'SERVER');
const write = (text: string) =>
  writeFileSync(t.sb.awsConfig, text.replaceAll('SERVER', t.fake.url));

describe('rolegate configure', () => {
  it('appends its block and keeps every other byte (golden before → after)', async () => {
    write(golden('aws-config.before'));
    const r = await configure();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(read(), golden('aws-config.after'));
    assert.ok(read().startsWith(golden('aws-config.before')));
    assert.match(r.stderr, /Wrote 3 profile\(s\) to .*: dev-Admin, dev-ReadOnly, prod-Operator/);
  });

  it('is idempotent: a re-run changes nothing, not even the mtime', async () => {
    write(golden('aws-config.before'));
    await configure();
    const mtime = statSync(t.sb.awsConfig).mtimeMs;
    const r = await configure();
    assert.equal(r.code, 0);
    assert.equal(read(), golden('aws-config.after'));
    assert.equal(statSync(t.sb.awsConfig).mtimeMs, mtime);
    assert.match(r.stderr, /is up to date/);
  });

  it('rewrites only its block when roles change (golden after → updated)', async () => {
    const userTail = '\n[profile after-block]\nregion = sa-east-1\n';
    write(golden('aws-config.after') + userTail);
    t.fake.state.roles = [DEFAULT_ROLES[0], fakeRole('777788889999', 'sandbox', 'Dev')].flatMap(
      (r) => (r ? [r] : []),
    );
    const r = await configure();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(read(), golden('aws-config.updated') + userTail);
  });

  it('honours AWS_CONFIG_FILE (and leaves ~/.aws/config alone)', async () => {
    const r = await configure();
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(t.sb.awsConfig));
    assert.equal(existsSync(path.join(t.sb.dir, '.aws', 'config')), false);
    assert.equal(statSync(t.sb.awsConfig).mode & 0o777, 0o600, 'a new file is private');
  });

  it('keeps the mode of an existing file and writes through a symlink', async () => {
    const real = path.join(t.sb.dir, 'dotfiles-aws-config');
    writeFileSync(real, golden('aws-config.before'), { mode: 0o644 });
    symlinkSync(real, t.sb.awsConfig);
    assert.equal((await configure()).code, 0);
    assert.ok(lstatSync(t.sb.awsConfig).isSymbolicLink());
    assert.equal(statSync(real).mode & 0o777, 0o644);
    assert.equal(read(), golden('aws-config.after'));
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    write(golden('aws-config.before'));
    const r = await configure('--dry-run');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(read(), golden('aws-config.before'));
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], `--- ${t.sb.awsConfig}`);
    assert.match(lines[2] ?? '', /^@@ -16,3 \+16,\d+ @@$/);
    assert.ok(lines.includes(`+${BLOCK_START}`) && lines.includes(`+${BLOCK_END}`));
    assert.ok(lines.filter((l) => l.startsWith('-')).length === 1, 'only the --- header');
  });

  it('skips a role whose profile name is already defined outside the block', async () => {
    write('[profile dev-Admin]\nregion = us-east-1\n');
    const r = await configure();
    assert.equal(r.code, 0);
    assert.match(r.stderr, /skipped profile "dev-Admin" .*exists outside the rolegate block/);
    assert.equal(read().match(/\[profile dev-Admin\]/g)?.length, 1, 'no duplicate section');
  });

  it('refuses to guess when its markers are damaged', async () => {
    const damaged = `[default]\n${BLOCK_START}\n[profile x]\n`;
    write(damaged);
    const r = await configure();
    assert.equal(r.code, EXIT.FAILURE);
    assert.match(r.stderr, /the rolegate block in .* is damaged \(1 start and 0 end markers\)/);
    assert.equal(read(), damaged);
  });

  it('keeps CRLF line endings', async () => {
    write('[default]\r\nregion = eu-west-1\r\n');
    assert.equal((await configure()).code, 0);
    const text = read();
    assert.ok(text.startsWith('[default]\r\nregion = eu-west-1\r\n\r\n# >>> rolegate >>>\r\n'));
    assert.equal(text.replaceAll('\r\n', '').includes('\n'), false, 'no bare LF');
  });
});
