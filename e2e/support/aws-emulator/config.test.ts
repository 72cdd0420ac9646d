import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmulatorConfigError, loadEmulatorConfig, parseEmulatorConfig } from './config';

const ACCOUNT = '111122223333';
const trustPolicy = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Federated: 'x' }, Action: 'sts:AssumeRoleWithWebIdentity' },
  ],
};
const valid = {
  accounts: [{ id: ACCOUNT, roles: [{ name: 'dev', trustPolicy }] }],
  oidcProviders: [
    { account: ACCOUNT, url: 'localhost:3000', clientIds: ['sts.amazonaws.com'], scheme: 'http' },
  ],
};

function rejects(mutate: (cfg: typeof valid) => void, message: RegExp): void {
  const cfg = structuredClone(valid);
  mutate(cfg);
  assert.throws(
    () => parseEmulatorConfig(cfg),
    (err: unknown) => err instanceof EmulatorConfigError && message.test(err.message),
  );
}

test('defaults: maxSessionDuration 3600, provider scheme https', () => {
  const cfg = parseEmulatorConfig({
    ...valid,
    oidcProviders: [
      { account: ACCOUNT, url: 'rolegate.example.com/oidc', clientIds: ['sts.amazonaws.com'] },
    ],
  });
  assert.equal(cfg.accounts[0]?.roles[0]?.maxSessionDuration, 3600);
  assert.equal(cfg.oidcProviders[0]?.scheme, 'https');
});

test('rejects what IAM would reject, listing the path', () => {
  rejects((c) => void (c.accounts[0]!.id = '1234'), /accounts\.0\.id: account ids are 12 digits/);
  rejects(
    (c) => void ((c.accounts[0]!.roles[0] as Record<string, unknown>).maxSessionDuration = 60),
    /maxSessionDuration/,
  );
  rejects((c) => void (c.oidcProviders[0]!.url = 'https://localhost:3000'), /no scheme/);
  rejects(
    (c) => void (c.oidcProviders[0]!.url = 'idp.example.com'),
    /scheme "http" is only allowed for a loopback host/,
  );
  rejects(
    (c) =>
      void Object.assign(c.oidcProviders[0]!, { url: 'idp.example.com:8443', scheme: 'https' }),
    /port is only allowed/,
  );
  rejects(
    (c) => void (c.oidcProviders[0]!.account = '999999999999'),
    /unknown account 999999999999/,
  );
  rejects((c) => void c.oidcProviders.push({ ...c.oidcProviders[0]! }), /duplicate provider/);
  rejects(
    (c) =>
      void Object.assign(c.accounts[0]!.roles[0]!.trustPolicy.Statement[0]!, {
        Condition: { DateLessThan: {} },
      }),
    /unsupported condition operator DateLessThan/,
  );
});

test('loadEmulatorConfig reads a JSON file and reports invalid JSON', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'aws-emulator-'));
  const file = path.join(dir, 'config.json');
  await writeFile(file, JSON.stringify(valid));
  assert.equal((await loadEmulatorConfig(file)).accounts[0]?.id, ACCOUNT);
  await writeFile(file, '{ not json');
  await assert.rejects(loadEmulatorConfig(file), /is not valid JSON/);
});

test('main.ts serves example-config.json and prints its URL', async (t) => {
  const file = path.join(import.meta.dirname, 'example-config.json');
  assert.equal((await loadEmulatorConfig(file)).accounts[0]?.roles.length, 2);
  const child = spawn(process.execPath, [
    '--import',
    'tsx',
    path.join(import.meta.dirname, 'main.ts'),
    '--config',
    file,
    '--port',
    '0',
  ]);
  t.after(() => void child.kill());
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => resolve(chunk.trim()));
    child.once('exit', (code) => reject(new Error(`main.ts exited with ${code}`)));
  });
  assert.match(line, /^aws-emulator listening on http:\/\/localhost:\d+$/);
  const res = await fetch(`${line.split(' ').pop()}/healthz`);
  assert.equal(res.status, 200);
});
