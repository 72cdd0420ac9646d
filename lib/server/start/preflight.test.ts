/**
 * Issue 14 §1: a bad config file or a bad live revision stops the start before anything listens, with
 * every problem printed as `file: path: message`; a good one leaves the database migrated and the file
 * adopted, so readiness means ready.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pino from 'pino';
import { parseEnv } from '../../config/env';
import { ConfigError } from '../../core/config/parse';
import { EXAMPLE_CONFIG_YAML } from '../../core/config/fixtures';
import { createDb } from '../../db/client';
import { createRepos } from '../../db/repos';
import { preflight } from './preflight';

const silent = pino({ level: 'silent' });
const ROOT = path.resolve(import.meta.dirname, '../../..');
const SECRETS = { ROLEGATE_IDP_OKTA_CLIENT_SECRET: 's', ROLEGATE_IDP_GOOGLE_CLIENT_SECRET: 's', ROLEGATE_IDP_ENTRA_CLIENT_SECRET: 's' };
/** A port nothing here listens on: the start must exit before it would bind it. */
const PORT = '39871';

function site(yaml: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-preflight-'));
  writeFileSync(path.join(dir, 'rolegate.yaml'), yaml);
  return {
    vars: {
      NODE_ENV: 'test' as const,
      NEXTAUTH_URL: 'https://rolegate.example.com',
      NEXTAUTH_SECRET: 'a'.repeat(32),
      ROLEGATE_ENCRYPTION_KEYS: Buffer.alloc(32, 7).toString('base64'),
      DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`,
      ROLEGATE_CONFIG: path.join(dir, 'rolegate.yaml'),
      ...SECRETS,
    },
  };
}

test('issue 14 §1: `npm start` with an invalid config exits 1 before listening, every problem as file: path: message', async () => {
  const { vars } = site(EXAMPLE_CONFIG_YAML.replace('region: eu-west-1', 'region: mars-1').replace('audience: sts.amazonaws.com', 'audience: 7'));
  const child = spawn(process.execPath, [path.join(ROOT, 'lib/server/start/launch.cjs'), '-p', PORT], { cwd: ROOT, env: { ...process.env, ...vars, LOG_LEVEL: 'info' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 1, err);
  assert.doesNotMatch(out, /listening/);
  const file = vars.ROLEGATE_CONFIG;
  assert.match(err, new RegExp(`^  ${file}: issuer\\.audience: `, 'm'));
  assert.match(err, new RegExp(`^  ${file}: accounts\\[0\\]\\.region: not an AWS region name$`, 'm'));
});

test('issue 14 §1: a stored live revision that is invalid here (NEXTAUTH_URL moved) stops the start; a good start migrates and adopts the file', async () => {
  const { vars } = site(EXAMPLE_CONFIG_YAML);
  await preflight(parseEnv(vars), ROOT, silent);
  const db = createDb(vars.DATABASE_URL);
  try {
    const head = await createRepos(db).configRevisions.head();
    assert.equal(head?.revision, 1);
  } finally {
    await db.$disconnect();
  }
  // Same file, same database, another origin: the live revision no longer validates.
  await assert.rejects(preflight(parseEnv({ ...vars, NEXTAUTH_URL: 'https://other.example.com' }), ROOT, silent), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.match(e.message, /publicUrl: must equal NEXTAUTH_URL's origin/);
    return true;
  });
  // And a secret the live config needs that the environment no longer has.
  const { ROLEGATE_IDP_ENTRA_CLIENT_SECRET: _gone, ...withoutEntra } = vars;
  await assert.rejects(preflight(parseEnv(withoutEntra), ROOT, silent), /idps\[2\]: client secret missing: set ROLEGATE_IDP_ENTRA_CLIENT_SECRET/);
});
