/**
 * Issue 14 §2: the release layout is what the image contains (Dockerfile stage 2), tested: .next/standalone
 * copied to a clean directory outside the checkout (no node_modules of ours, no sources), started with
 * only `node rolegate.cjs` as an unprivileged user that cannot write to it (a read-only root filesystem),
 * its database in a separate writable directory. It must be ready, serve pages with their static files,
 * and drain and exit 0 on SIGTERM.
 */
import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_CONFIG_YAML } from '../../lib/core/config/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const PORT = Number(process.env.E2E_PORT ?? 3100) + 8;
const NOBODY = 65534;
const PUBLIC_URL = 'https://rolegate.example.com';

test('issue 14 §2: the standalone release starts alone from a clean directory, read-only, and stops cleanly', async () => {
  test.setTimeout(120_000);
  const release = path.join(ROOT, '.next/standalone');
  expect(existsSync(path.join(release, 'rolegate.cjs')), 'run `npm run build` (lib/build/release.cjs)').toBe(true);
  const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-release-'));
  chmodSync(dir, 0o755);
  const app = path.join(dir, 'app');
  cpSync(release, app, { recursive: true });
  const data = path.join(dir, 'data');
  const config = path.join(dir, 'rolegate.yaml');
  writeFileSync(config, EXAMPLE_CONFIG_YAML);
  chmodSync(config, 0o644);
  // Writable only where the image has a volume.
  mkdirSync(data);
  chownSync(data, NOBODY, NOBODY);
  const child = spawn(process.execPath, ['rolegate.cjs', '-p', String(PORT)], {
    cwd: app,
    uid: NOBODY,
    gid: NOBODY,
    env: {
      NODE_ENV: 'production',
      PATH: '/usr/bin:/bin',
      HOME: data,
      NEXTAUTH_URL: PUBLIC_URL,
      NEXTAUTH_SECRET: 'r'.repeat(40),
      ROLEGATE_ENCRYPTION_KEYS: Buffer.alloc(32, 9).toString('base64'),
      ROLEGATE_CONFIG: config,
      DATABASE_URL: `file:${path.join(data, 'rolegate.db')}`,
      ROLEGATE_IDP_OKTA_CLIENT_SECRET: 's',
      ROLEGATE_IDP_GOOGLE_CLIENT_SECRET: 's',
      ROLEGATE_IDP_ENTRA_CLIENT_SECRET: 's',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const base = `http://localhost:${PORT}`;
    await expect.poll(async () => (await fetch(`${base}/api/ready`).catch(() => undefined))?.status, { timeout: 60_000, message: output }).toBe(200);
    const discovery = await (await fetch(`${base}/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(PUBLIC_URL);
    const signin = await fetch(`${base}/signin`);
    expect(signin.status).toBe(200);
    expect(signin.headers.get('x-powered-by')).toBeNull(); // next.config.js is read from the release
    const html = await signin.text();
    const asset = /\/_next\/static\/[^"]+\.(?:css|js)/.exec(html)?.[0];
    expect(asset, 'the sign-in page links its static files').toBeTruthy();
    expect((await fetch(`${base}${asset}`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
