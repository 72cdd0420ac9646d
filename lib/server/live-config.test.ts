/**
 * The live config over a real database (both dialects): the file seeds revision 1, admin changes are new
 * revisions that survive a restart, a changed file wins, stale or invalid changes write nothing, and a
 * second instance adopts a revision the first one wrote.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../core/config/fixtures';
import { ConfigError, parseConfigText } from '../core/config/parse';
import { GatewayError } from '../core/errors';
import { describeEachDialect } from '../db/test-support/databases';
import type { ConfigChange } from '../core/config/diff';
import { revokeDisabledConnections } from './connection-revocation';
import { openLiveConfig, SYNC_INTERVAL_MS, type LiveConfigDeps } from './live-config';

const FILE = { text: EXAMPLE_CONFIG_YAML, name: '/etc/rolegate.yaml' };
const noDevAdmins = EXAMPLE_CONFIG_YAML.replace('  - id: dev-admins\n', '  - id: dev-admins\n    disabled: true\n');
const isStale = (e: unknown) => e instanceof GatewayError && e.code === 'CONFIG_STALE';

describeEachDialect('live config', (ctx) => {
  const clock = { now: new Date('2031-05-01T10:00:00Z') };
  const fileRevisions: Array<[number, ConfigChange[]]> = [];
  const deps = (): LiveConfigDeps => ({
    repo: ctx().repos.configRevisions,
    validate: (text, source) => parseConfigText(text, source),
    onFileRevision: async (revision, changes) => void fileRevisions.push([revision, changes]),
    now: () => clock.now,
  });

  it('the first start records the file as revision 1; a restart with the same file records nothing', async () => {
    const live = await openLiveConfig(deps(), FILE);
    assert.equal(live.current().revision, 1);
    assert.deepEqual(fileRevisions, [[1, []]]);
    assert.equal((await openLiveConfig(deps(), FILE)).current().revision, 1);
    assert.equal(fileRevisions.length, 1);
  });

  it('an applied change is live at once and is still live after a restart with the unchanged file', async () => {
    const live = await openLiveConfig(deps(), FILE);
    const result = await live.apply({ text: noDevAdmins, basedOn: 1, source: 'edit', by: 'admin@example.com' });
    assert.deepEqual(result, { before: 1, revision: 2, changes: [{ section: 'rules', id: 'dev-admins', kind: 'changed', fields: ['disabled'] }] });
    assert.equal(live.current().config.rules.find((r) => r.id === 'dev-admins')?.disabled, true);
    const restarted = await openLiveConfig(deps(), FILE);
    assert.equal(restarted.current().revision, 2);
    assert.equal(restarted.current().config.rules.find((r) => r.id === 'dev-admins')?.disabled, true);
  });

  it('refuses, writing nothing: a stale base, an invalid text, a restart-only setting; no change writes no revision', async () => {
    const live = await openLiveConfig(deps(), FILE);
    await assert.rejects(live.apply({ text: EXAMPLE_CONFIG_YAML, basedOn: 1, source: 'import', by: 'a' }), isStale);
    await assert.rejects(live.apply({ text: 'idps: [', basedOn: 2, source: 'import', by: 'a' }), ConfigError);
    const moved = noDevAdmins.replace('https://rolegate.example.com', 'https://evil.example.com');
    await assert.rejects(live.apply({ text: moved, basedOn: 2, source: 'import', by: 'a' }), (e: unknown) => e instanceof ConfigError && e.problems[0]?.path === 'publicUrl');
    const http = noDevAdmins.concat('\nDANGEROUSLY_ALLOW_HTTP: true\n');
    await assert.rejects(live.apply({ text: http, basedOn: 2, source: 'import', by: 'a' }), (e: unknown) => e instanceof ConfigError && e.problems[0]?.path === 'DANGEROUSLY_ALLOW_HTTP');
    assert.deepEqual(await live.apply({ text: noDevAdmins, basedOn: 2, source: 'import', by: 'a' }), { before: 2, revision: 2, changes: [] });
    assert.equal((await ctx().repos.configRevisions.head())?.revision, 2);
    assert.deepEqual(live.preview(EXAMPLE_CONFIG_YAML), { revision: 2, changes: [{ section: 'rules', id: 'dev-admins', kind: 'changed', fields: ['disabled'] }] });
  });

  it('another instance adopts the newest revision at its next sync', async () => {
    const a = await openLiveConfig(deps(), FILE);
    const b = await openLiveConfig(deps(), FILE);
    await a.apply({ text: EXAMPLE_CONFIG_YAML, basedOn: 2, source: 'import', by: 'a' });
    assert.equal((await b.sync()).revision, 2, 'within the sync interval the snapshot is kept');
    clock.now = new Date(clock.now.getTime() + SYNC_INTERVAL_MS);
    const synced = await b.sync();
    assert.equal(synced.revision, 3);
    assert.equal(synced.config.rules.find((r) => r.id === 'dev-admins')?.disabled, false);
  });

  it('a changed file wins at start: a new revision from the file, with its changes, audited', async () => {
    const changed = EXAMPLE_CONFIG_YAML.replace('    emailDomains: [example.com]\n', '    emailDomains: [example.org]\n');
    const live = await openLiveConfig(deps(), { ...FILE, text: changed });
    assert.equal(live.current().revision, 4);
    assert.deepEqual(fileRevisions.at(-1), [4, [{ section: 'rules', id: 'google-domain', kind: 'changed', fields: ['emailDomains'] }]]);
    assert.deepEqual((await ctx().repos.configRevisions.list(1))[0]?.source, 'file');
  });

  it('issue 14 §3: a start with a file applied before (an older host in a rolling deploy) rolls nothing back: the newest revision stays live, with a warning', async () => {
    const stale: Array<{ fileRevision: number; liveRevision: number }> = [];
    const live = await openLiveConfig({ ...deps(), onStaleFile: (s) => void stale.push(s) }, FILE);
    assert.equal(live.current().revision, 4);
    assert.deepEqual(stale, [{ fileRevision: 1, liveRevision: 4 }]);
    assert.equal((await ctx().repos.configRevisions.head())?.revision, 4);
    assert.ok(live.current().config.rules.some((r) => r.id === 'google-domain' && r.emailDomains?.includes('example.org')));
  });

  it('a start with an invalid file fails and records nothing', async () => {
    await assert.rejects(openLiveConfig(deps(), { ...FILE, text: 'publicUrl: 1' }), ConfigError);
    assert.equal((await ctx().repos.configRevisions.head())?.revision, 4);
  });

  it('issue 14 §3: syncNow adopts a revision another instance wrote at once, inside the sync interval', async () => {
    const a = await openLiveConfig(deps(), FILE);
    const b = await openLiveConfig(deps(), FILE);
    const before = b.current().revision;
    const { revision } = await a.apply({ text: noDevAdmins, basedOn: before, source: 'edit', by: 'a' });
    assert.equal((await b.sync()).revision, before, 'sync keeps its snapshot within the interval');
    const now = await b.syncNow();
    assert.equal(now.revision, revision);
    assert.equal(now.config.rules.find((r) => r.id === 'dev-admins')?.disabled, true);
    await a.apply({ text: EXAMPLE_CONFIG_YAML, basedOn: revision, source: 'edit', by: 'a' });
  });
});

describeEachDialect('live config: edits', (ctx) => {
  const clock = { now: new Date('2031-06-01T10:00:00Z') };
  const deps = (): LiveConfigDeps => ({ repo: ctx().repos.configRevisions, validate: (t, s) => parseConfigText(t, s), onFileRevision: async () => undefined, now: () => clock.now });

  it('an edit is made on the revision it names, even when this instance has not synced it yet', async () => {
    const a = await openLiveConfig(deps(), FILE);
    const b = await openLiveConfig(deps(), FILE);
    await a.apply({ text: noDevAdmins, basedOn: 1, source: 'edit', by: 'a' });
    // b still serves revision 1 (within its sync interval); an edit based on revision 2 must see revision 2.
    const seen: number[] = [];
    const result = await b.apply({
      basedOn: 2, source: 'edit', by: 'b',
      text: (base) => (seen.push(base.rules.filter((r) => r.disabled).length), noDevAdmins.replace('    emailDomains: [example.com]\n', '    emailDomains: [example.org]\n')),
    });
    assert.deepEqual(seen, [1], 'the edit saw revision 2 (dev-admins disabled), not the stale revision 1');
    assert.equal(result.revision, 3);
    assert.equal(b.current().config.rules.find((r) => r.id === 'dev-admins')?.disabled, true);
  });
});

describeEachDialect('live config: disabling a connection (issue 12 §3)', (ctx) => {
  const clock = { now: new Date('2031-07-01T10:00:00Z') };
  const deps = (): LiveConfigDeps => ({
    repo: ctx().repos.configRevisions,
    validate: (t, s) => parseConfigText(t, s),
    onFileRevision: async () => undefined,
    onRevision: (before, after) => revokeDisabledConnections({ repo: ctx().repos.connectionAccess, appendAudit: (e) => ctx().repos.audit.appendAudit(e), now: () => clock.now }, before, after),
    now: () => clock.now,
  });
  const oktaOff = EXAMPLE_CONFIG_YAML.replace('    preset: okta\n', '    preset: okta\n    disabled: true\n');

  it('revokes the connection’s sessions and CLI logins; switching it back on revives neither', async () => {
    const { repos } = ctx();
    const live = await openLiveConfig(deps(), FILE);
    const user = await repos.users.upsertUserOnLogin({ issuer: 'https://example.okta.com', subject: 'okta-user' });
    const claims = { idpId: 'okta', issuer: 'https://example.okta.com', subject: 'okta-user', emailVerified: false, groups: [], extra: {} };
    const session = await repos.sessions.createSession({ id: 'okta-session', userId: user.id, idpId: 'okta', claims, createdAt: clock.now, expiresAt: new Date(clock.now.getTime() + 3_600_000) });
    const entra = await repos.sessions.createSession({ id: 'entra-session', userId: user.id, idpId: 'entra', claims: { ...claims, idpId: 'entra' }, createdAt: clock.now, expiresAt: new Date(clock.now.getTime() + 3_600_000) });
    await live.apply({ text: oktaOff, basedOn: live.current().revision, source: 'edit', by: 'admin' });
    assert.equal(await repos.sessions.getActiveSession(session.id, clock.now), null, 'revoked, not paused');
    assert.ok(await repos.sessions.getActiveSession(entra.id, clock.now), 'another connection’s session is untouched');
    await live.apply({ text: EXAMPLE_CONFIG_YAML, basedOn: live.current().revision, source: 'edit', by: 'admin' });
    assert.equal(await repos.sessions.getActiveSession(session.id, clock.now), null, 'still revoked after re-enabling');
    const [row] = await repos.audit.listAudit({ type: 'revocation', limit: 1 });
    assert.deepEqual([row?.detail?.action, row?.detail?.sessions], ['connection.revoke-access', 1]);
  });
});
