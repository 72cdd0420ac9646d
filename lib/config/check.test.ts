/** Issue 14 §1: `npm run config:check` — the start's config check, offline, for config-as-code pipelines. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../core/config/fixtures';
import { checkConfigFiles } from './check';

const files: Record<string, string> = {
  'good.yaml': EXAMPLE_CONFIG_YAML,
  'bad.yaml': EXAMPLE_CONFIG_YAML.replace('region: eu-west-1', 'region: mars-1').replace('audience: sts.amazonaws.com', 'audience: 7'),
  'http.yaml': EXAMPLE_CONFIG_YAML.replace('publicUrl: https://rolegate.example.com', 'publicUrl: http://rolegate.example.com'),
};
const read = (f: string) => {
  const text = files[f];
  if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  return text;
};

test('issue 14 §1: a valid file is ok, exit 0', () => {
  assert.deepEqual(checkConfigFiles(['good.yaml'], read), { out: ['good.yaml: ok'], err: [], exitCode: 0 });
});

test('issue 14 §1: every problem of every file is printed as file: path: message, exit 1', () => {
  const r = checkConfigFiles(['bad.yaml', 'good.yaml', 'http.yaml', 'missing.yaml'], read);
  assert.equal(r.exitCode, 1);
  assert.deepEqual(r.out, ['good.yaml: ok']);
  assert.ok(r.err.some((l) => l.startsWith('bad.yaml: issuer.audience: ')), r.err.join('\n'));
  assert.ok(r.err.some((l) => l.startsWith('bad.yaml: accounts[0].region: ')), r.err.join('\n'));
  assert.ok(r.err.some((l) => /^http\.yaml: publicUrl: must be https:\/\//.test(l)), r.err.join('\n'));
  assert.ok(r.err.includes('missing.yaml: (file): cannot read (ENOENT)'));
});

test('issue 14 §1: no file named is a usage error, exit 1', () => {
  const r = checkConfigFiles([], read);
  assert.equal(r.exitCode, 1);
  assert.match(r.err[0] ?? '', /^usage: npm run config:check -- <config file>/);
});

test('issue 14 §1: the npm script runs it and exits with its code', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-check-'));
  writeFileSync(path.join(dir, 'good.yaml'), files['good.yaml'] as string);
  writeFileSync(path.join(dir, 'bad.yaml'), files['http.yaml'] as string);
  const run = (...args: string[]) => spawnSync('npm', ['run', '-s', 'config:check', '--', ...args], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') });
  const good = run(path.join(dir, 'good.yaml'));
  assert.equal(good.status, 0, good.stderr);
  assert.equal(good.stdout, `${path.join(dir, 'good.yaml')}: ok\n`);
  const bad = run(path.join(dir, 'bad.yaml'));
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, new RegExp(`^${path.join(dir, 'bad.yaml')}: publicUrl: `, 'm'));
});
