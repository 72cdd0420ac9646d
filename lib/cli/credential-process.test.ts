import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { credentialProcessJson } from '../core/credentials';
import type { Credentials } from '../core/types';
import { runBundle, seedLogin } from './test-support/harness';
import { cliTestbed } from './test-support/testbed';

const t = cliTestbed({
  bundle: true,
  loggedIn: false,
  reset: ({ fake }) => (fake.state.credentialsDelayMs = 0),
});

const ADMIN = '111122223333/Admin';
const cp = (role = ADMIN) => ['credential-process', '--role', role, '--server', t.fake.url];
const credentialRequests = () => t.fake.state.count('POST /api/v1/credentials');

function cacheFiles(): string[] {
  const dir = path.join(t.sb.env.XDG_CACHE_HOME ?? '', 'rolegate', 'credentials');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f));
}

function setCachedExpiry(msFromNow: number): void {
  const [file] = cacheFiles();
  assert.ok(file);
  const entry = JSON.parse(readFileSync(file, 'utf8')) as { credentials: Credentials };
  entry.credentials.expiration = new Date(Date.now() + msFromNow).toISOString();
  writeFileSync(file, JSON.stringify(entry));
}

describe('rolegate credential-process', () => {
  it('prints the credential_process JSON and nothing else', async () => {
    seedLogin(t.sb, t.fake);
    const r = await runBundle(cp(), t.sb.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), [
      'Version',
      'AccessKeyId',
      'SecretAccessKey',
      'SessionToken',
      'Expiration',
    ]);
    assert.equal(doc.Version, 1);
    assert.match(String(doc.AccessKeyId), /^ASIAFAKE/);
    const creds: Credentials = {
      accessKeyId: String(doc.AccessKeyId),
      secretAccessKey: String(doc.SecretAccessKey),
      sessionToken: String(doc.SessionToken),
      expiration: String(doc.Expiration),
    };
    assert.equal(r.stdout, credentialProcessJson(creds), 'the lib/core formatter, byte for byte');
  });

  it('reuses the cache (mode 0600, directory 0700): the second call makes no request', async () => {
    seedLogin(t.sb, t.fake);
    const first = await runBundle(cp(), t.sb.env);
    const requests = [...t.fake.state.counts.values()].reduce((a, b) => a + b, 0);
    const second = await runBundle(cp(), t.sb.env);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, first.stdout);
    assert.equal(
      [...t.fake.state.counts.values()].reduce((a, b) => a + b, 0),
      requests,
    );
    assert.equal(credentialRequests(), 1);
    const [file] = cacheFiles();
    assert.ok(file);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
  });

  it('refreshes 5 minutes before expiry, not earlier', async () => {
    seedLogin(t.sb, t.fake);
    await runBundle(cp(), t.sb.env);
    setCachedExpiry(5 * 60_000 + 30_000);
    assert.equal((await runBundle(cp(), t.sb.env)).code, 0);
    assert.equal(credentialRequests(), 1, '5 min 30 s left: still served from the cache');
    setCachedExpiry(5 * 60_000 - 30_000);
    const r = await runBundle(cp(), t.sb.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(credentialRequests(), 2, '4 min 30 s left: fetched again');
    assert.equal(
      JSON.parse(r.stdout).AccessKeyId,
      'ASIAFAKE' + String(t.fake.state.issued).padStart(12, '0'),
    );
  });

  it('8 parallel invocations share one request to the server', async () => {
    seedLogin(t.sb, t.fake);
    t.fake.state.credentialsDelayMs = 1500; // all eight start while the first request is in flight
    const runs = await Promise.all(Array.from({ length: 8 }, () => runBundle(cp(), t.sb.env)));
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    assert.equal(credentialRequests(), 1);
    const dir = path.dirname(cacheFiles()[0] ?? '');
    assert.deepEqual(
      readdirSync(dir).filter((f) => !f.endsWith('.json')),
      [],
      'no lock left behind',
    );
    assert.equal(new Set(runs.map((r) => r.stdout)).size, 1, 'all print the same credentials');
  });

  it('resolves a profile name (alias-Role) through GET /roles', async () => {
    seedLogin(t.sb, t.fake);
    const r = await runBundle(cp('prod-Operator'), t.sb.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(t.fake.state.count('GET /api/v1/roles'), 1);
  });
});
