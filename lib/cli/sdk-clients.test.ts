/**
 * Real credential_process consumers read a config written by `rolegate configure`: botocore (the
 * AWS CLI's engine, when python3 has it) and the JS SDK v3 process provider. The real AWS CLI
 * against the real server and the AWS emulator runs in e2e/cli/ (Playwright, issue 4 §4).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

import { startFakeServer, type FakeServer } from './test-support/fake-server';
import {
  BUNDLE,
  CLI_DIR,
  buildBundle,
  runCommand,
  runInProcess,
  sandbox,
  seedLogin,
  type Sandbox,
} from './test-support/harness';

const BOTOCORE = `
import botocore.session, json
c = botocore.session.Session(profile='dev-Admin').get_credentials().get_frozen_credentials()
print(json.dumps([c.access_key, c.secret_key, c.token]))`;

const JS_SDK = `
const { fromProcess } = require(process.argv[1]);
fromProcess({ profile: 'dev-Admin' })().then((c) =>
  console.log(JSON.stringify([c.accessKeyId, c.secretAccessKey, c.sessionToken])));`;

let fake: FakeServer;
let sb: Sandbox;
let env: Record<string, string>;
before(async () => {
  buildBundle();
  fake = await startFakeServer();
});
after(() => fake.close());
beforeEach(async () => {
  sb = sandbox();
  seedLogin(sb, fake);
  fake.state.counts.clear();
  const r = await runInProcess(['configure'], sb, {
    self: { node: process.execPath, script: BUNDLE },
  });
  assert.equal(r.code, 0, r.stderr);
  // No stray credentials from the machine running the tests.
  env = {
    ...sb.env,
    AWS_SHARED_CREDENTIALS_FILE: path.join(sb.dir, 'none'),
    AWS_PROFILE: 'dev-Admin',
  };
});
afterEach(() => sb.cleanup());

describe('SDKs run the configured credential_process', () => {
  it('botocore (AWS CLI engine): credentials from the profile, second call from the cache', async (t) => {
    if (spawnSync('python3', ['-c', 'import botocore']).status !== 0) return t.skip('no botocore');
    const first = await runCommand('python3', ['-c', BOTOCORE], env);
    assert.equal(first.code, 0, first.stderr);
    const [akid] = JSON.parse(first.stdout) as string[];
    assert.match(akid ?? '', /^ASIAFAKE/);
    const second = await runCommand('python3', ['-c', BOTOCORE], env);
    assert.equal(second.stdout, first.stdout);
    assert.equal(fake.state.count('POST /api/v1/credentials'), 1, 'the second run used the cache');
  });

  it('AWS SDK for JavaScript v3 fromProcess', async () => {
    const provider = path.resolve(
      CLI_DIR,
      '../../node_modules/@aws-sdk/credential-provider-process',
    );
    const r = await runCommand(process.execPath, ['-e', JS_SDK, provider], env);
    assert.equal(r.code, 0, r.stderr);
    const [akid, secret, token] = JSON.parse(r.stdout) as string[];
    assert.match(akid ?? '', /^ASIAFAKE/);
    assert.equal(secret, `secret/${akid}+key`);
    assert.equal(token, `token-${akid}==`);
  });
});

describe('the credential_process line works as the SDKs run it', () => {
  it('botocore reads it (configparser + shlex) and sh -c runs it, with a space and a quote in the path', async (t) => {
    buildBundle();
    const script = path.join(sb.dir, "Role Gate's bin", 'rolegate.cjs');
    mkdirSync(path.dirname(script));
    copyFileSync(BUNDLE, script);
    const r = await runInProcess(['configure'], sb, { self: { node: process.execPath, script } });
    assert.equal(r.code, 0, r.stderr);
    const line = /\[profile dev-Admin\]\ncredential_process = (.*)\n/.exec(
      readFileSync(sb.awsConfig, 'utf8'),
    )?.[1];
    assert.ok(line);
    const sh = await runCommand('sh', ['-c', line], sb.env);
    assert.equal(sh.code, 0, sh.stderr);
    assert.equal(JSON.parse(sh.stdout).Version, 1);
    if (spawnSync('python3', ['-c', 'pass']).status !== 0) return t.skip('python3 not installed');
    const py = `import configparser, json, shlex, sys
p = configparser.RawConfigParser(); p.read(sys.argv[1])
print(json.dumps(shlex.split(p.get('profile dev-Admin', 'credential_process'))))`;
    const parsed = spawnSync('python3', ['-c', py, sb.awsConfig], { encoding: 'utf8' });
    assert.equal(parsed.status, 0, parsed.stderr);
    const argv = [
      process.execPath,
      script,
      'credential-process',
      '--role',
      '111122223333/Admin',
      '--server',
      fake.url,
    ];
    assert.deepEqual(JSON.parse(parsed.stdout), argv);
  });
});
