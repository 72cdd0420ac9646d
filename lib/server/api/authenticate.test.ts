import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../core/errors';
import type { IdentityClaims } from '../../core/types';
import { hashToken } from '../../db/crypto';
import type { ActiveAccessToken } from '../../db/repos';
import type { ActiveSession } from '../ports';
import { authenticateRequest, type ApiAuthDeps } from './authenticate';

const PUBLIC = 'https://rolegate.example.com';
const TOKEN = 'T'.repeat(43);
const at = new Date('2030-06-01T12:00:00Z');
const claims: IdentityClaims = { idpId: 'okta', issuer: 'https://example.okta.com', subject: 'alice', email: 'alice@example.com', emailVerified: true, groups: ['aws-dev-admins'], extra: {} };
const access: ActiveAccessToken = {
  grant: { id: 'grant-1', userId: 'user-1', idpId: 'okta', clientId: 'rolegate-cli', claims, createdAt: at, absoluteExpiresAt: new Date('2030-06-02T00:00:00Z') },
  user: { id: 'user-1', issuer: claims.issuer, subject: 'alice', email: 'alice@example.com', name: 'Alice', createdAt: at, lastLoginAt: at },
  expiresAt: new Date('2030-06-01T12:15:00Z'),
};
const session: ActiveSession = { id: 's', user: { id: 'user-2', issuer: claims.issuer, subject: 'bob', email: null, name: 'Bob' }, idpId: 'okta', claims: { ...claims, subject: 'bob' }, createdAt: at, expiresAt: new Date('2030-06-01T20:00:00Z') };

function deps(opts: { session?: ActiveSession | null; disabled?: string } = {}): ApiAuthDeps & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    publicUrl: PUBLIC,
    now: () => at,
    lookups,
    findActiveAccessToken: async (hash) => {
      lookups.push(hash);
      return hash === hashToken(TOKEN) ? access : null;
    },
    currentSession: async () => (opts.session === undefined ? session : opts.session),
    connectionEnabled: (idpId) => idpId !== opts.disabled,
  };
}
const code = (c: GatewayError['code']) => (e: unknown) => e instanceof GatewayError && e.code === c;

test('a live bearer token authenticates as its login (via cli), looked up by hash, with no Origin needed', async () => {
  const d = deps();
  const p = await authenticateRequest(new Headers({ authorization: `Bearer ${TOKEN}` }), d);
  assert.deepEqual([p.userId, p.via, p.grantId, p.user.email, p.expiresAt.toISOString()], ['user-1', 'cli', 'grant-1', 'alice@example.com', '2030-06-02T00:00:00.000Z']);
  assert.deepEqual(d.lookups, [hashToken(TOKEN)]);
  assert.equal((await authenticateRequest(new Headers({ authorization: `bearer  ${TOKEN}` }), d)).via, 'cli', 'the scheme is case-insensitive');
});

test('a bad bearer token is TOKEN_INVALID and never falls back to the cookie session', async () => {
  for (const header of [`Bearer ${'X'.repeat(43)}`, 'Bearer', `Basic ${TOKEN}`, `Bearer ${TOKEN}.x`, `Bearer ${TOKEN} extra`, '']) {
    await assert.rejects(authenticateRequest(new Headers({ authorization: header, origin: PUBLIC }), deps()), code('TOKEN_INVALID'), header);
  }
});

test('issue 12 §3: a live bearer token of a login through a disabled connection is TOKEN_INVALID', async () => {
  await assert.rejects(authenticateRequest(new Headers({ authorization: `Bearer ${TOKEN}` }), deps({ disabled: 'okta' })), code('TOKEN_INVALID'));
  assert.equal((await authenticateRequest(new Headers({ authorization: `Bearer ${TOKEN}` }), deps({ disabled: 'entra' }))).via, 'cli');
});

test('a session cookie authenticates (via web) only from our own origin; no credentials at all is UNAUTHENTICATED', async () => {
  const web = await authenticateRequest(new Headers({ 'sec-fetch-site': 'same-origin' }), deps());
  assert.deepEqual([web.userId, web.via, web.grantId, web.user.email], ['user-2', 'web', undefined, undefined]);
  assert.equal((await authenticateRequest(new Headers({ origin: PUBLIC }), deps())).via, 'web');
  await assert.rejects(authenticateRequest(new Headers(), deps()), code('CSRF_REJECTED'));
  await assert.rejects(authenticateRequest(new Headers({ origin: 'https://evil.example' }), deps()), code('CSRF_REJECTED'));
  await assert.rejects(authenticateRequest(new Headers({ 'sec-fetch-site': 'cross-site' }), deps()), code('CSRF_REJECTED'));
  await assert.rejects(authenticateRequest(new Headers({ origin: PUBLIC }), deps({ session: null })), code('UNAUTHENTICATED'));
  await assert.rejects(authenticateRequest(new Headers(), deps({ session: null })), code('UNAUTHENTICATED'));
});
