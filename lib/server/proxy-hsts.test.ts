/**
 * Issue 12 §7: with an https publicUrl every answer of the proxy carries Strict-Transport-Security —
 * pages, the 401 of an API call without a session, and the redirect to the sign-in page. Drives the real
 * proxy.ts with a config file (each test file runs in its own process, so the cached config is ours).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { NextRequest } from 'next/server';
import { EXAMPLE_CONFIG_YAML } from '../core/config/fixtures';
import { parseConfigText } from '../core/config/parse';
import { idpSecretVar } from '../config/env';

const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-hsts-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'rolegate.yaml');
writeFileSync(file, EXAMPLE_CONFIG_YAML);
process.env.ROLEGATE_CONFIG = file;
process.env.NEXTAUTH_URL = 'https://rolegate.example.com';
process.env.NEXTAUTH_SECRET = randomBytes(32).toString('base64');
process.env.ROLEGATE_ENCRYPTION_KEYS = randomBytes(32).toString('base64');
for (const idp of parseConfigText(EXAMPLE_CONFIG_YAML).idps) process.env[idpSecretVar(idp.id)] = 'secret';

test('every proxy answer for an https publicUrl carries HSTS', async () => {
  const { proxy } = await import('../../proxy');
  const url = (p: string) => new NextRequest(new URL(p, 'https://rolegate.example.com'));
  const answers = {
    page: proxy(url('/signin')),
    apiWithoutSession: proxy(url('/api/admin/grants')),
    redirectToSignin: proxy(url('/roles')),
  };
  assert.equal(answers.apiWithoutSession.status, 401);
  assert.equal(answers.redirectToSignin.status, 307);
  for (const [what, res] of Object.entries(answers)) {
    assert.equal(res.headers.get('strict-transport-security'), 'max-age=63072000', what);
  }
});
