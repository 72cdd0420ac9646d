/**
 * Issue 5 §2 config as code and admin edits: export → import changes nothing; an import and page edits
 * (disable a rule, an account, a connection; add a rule and a SAML connection) are new revisions that take
 * effect at once for signed-in users; a stale page, a restart-only setting and a broken file are refused
 * and change nothing. The test puts the demo's config back at the end (as one more revision).
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '../../lib/core/config/parse';
import { addRuleOnPage, restoreConfig } from '../fixtures/config';
import { signInSaml, signInToRoles, visibleRoles } from '../fixtures/signin';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });
const revisionOf = async (page: Page) => Number(await page.getByTestId('config-revision').textContent());

test('config as code: round trip, import, page edits live at once; stale, restart-only and broken changes refused', async ({ browser }) => {
  const bob = await (await browser.newContext()).newPage();
  await signInToRoles(bob, 'okta', 'bob@example.com');
  expect(await visibleRoles(bob)).toEqual(['prod-Operator', 'prod-ReadOnly']);

  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  await alice.getByTestId('nav-config').click();
  const start = await revisionOf(alice);

  // Export: the live config in the file's format, no secret in it, never cached.
  const exported = await alice.request.get('/api/admin/config/export');
  expect(exported.headers()['cache-control']).toContain('no-store');
  const yaml = await exported.text();
  expect(parseConfigText(yaml, 'export.yaml').rules.map((r) => r.id)).toContain('prod-operators');
  const secrets = JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR ?? '', 'demo-secrets.json'), 'utf8')) as Record<string, string>;
  for (const value of Object.values(secrets)) expect(yaml).not.toContain(value);

  try {
    // Round trip: importing the export changes nothing and writes no revision.
    await alice.getByTestId('config-yaml').fill(yaml);
    await alice.getByTestId('config-preview').click();
    await expect(alice.getByTestId('config-no-changes')).toBeVisible();
    const same = await alice.request.post('/api/admin/config/apply', { data: { yaml, basedOn: start }, headers: origin(alice) });
    expect(await same.json()).toEqual({ revision: start, changes: [] });

    // Refused, nothing written: a broken file, a restart-only setting, CSRF.
    await alice.getByTestId('config-yaml').fill(yaml.replace(/retentionDays: \d+/, 'retentionDays: 1'));
    await alice.getByTestId('config-preview').click();
    await expect(alice.getByTestId('config-problems')).toContainText('audit.retentionDays');
    const moved = await alice.request.post('/api/admin/config/apply', { data: { yaml: yaml.replace(/publicUrl: .*/, 'publicUrl: https://evil.example.com'), basedOn: start }, headers: origin(alice) });
    expect(moved.status()).toBe(400);
    expect((await moved.json()).error.detail).toContain('publicUrl: must equal NEXTAUTH_URL');
    const issuer = await alice.request.post('/api/admin/config/apply', { data: { yaml: yaml.replace(/tokenLifetimeSeconds: \d+/, 'tokenLifetimeSeconds: 120'), basedOn: start }, headers: origin(alice) });
    expect(issuer.status()).toBe(400);
    expect((await issuer.json()).error.detail).toContain('issuer: changes only through the config file and a restart');
    const csrf = await alice.request.post('/api/admin/config/apply', { data: { yaml, basedOn: start }, headers: { Origin: 'http://evil.example' } });
    expect(csrf.status()).toBe(403);

    // An import that takes bob's group out of prod-operators: previewed, applied, live at once for bob.
    await alice.getByTestId('config-yaml').fill(yaml.replace('- aws-prod-operators', '- aws-sre'));
    await alice.getByTestId('config-preview').click();
    await expect(alice.getByTestId('config-change')).toHaveText(['changed rules prod-operators (groups)']);
    await alice.getByTestId('config-apply').click();
    await expect(alice.getByTestId('config-applied')).toContainText(`revision ${start + 1}`);
    await expect(alice.getByTestId('config-revision')).toHaveText(String(start + 1));
    await bob.reload();
    expect(await visibleRoles(bob)).toEqual([]);
    const keys = await bob.request.post('/api/aws/credentials', { data: { roleId: '444455556666/Operator' }, headers: origin(bob) });
    expect(keys.status()).toBe(403);

    // A page made against the old revision cannot overwrite the new one.
    const stale = await alice.request.post('/api/admin/config/apply', { data: { yaml, basedOn: start }, headers: origin(alice) });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error.code).toBe('CONFIG_STALE');

    // Page edits: a rule added on the rules page gives bob his roles back; disabling it takes them away.
    await addRuleOnPage(alice, { id: 'sre-operators', group: 'aws-prod-operators', roleId: '444455556666/Operator' });
    await bob.reload();
    expect(await visibleRoles(bob)).toEqual(['prod-Operator']);
    await alice.getByTestId('rule-toggle-sre-operators').click();
    await expect(alice.getByTestId('rule-sre-operators')).toHaveAttribute('data-disabled', 'true');
    await bob.reload();
    expect(await visibleRoles(bob)).toEqual([]);
    await alice.getByTestId('rule-toggle-sre-operators').click();
    await expect(alice.getByTestId('rule-sre-operators')).toHaveAttribute('data-disabled', 'false');

    // A disabled account's roles are gone even though a rule names them.
    await alice.goto('/admin/accounts');
    alice.once('dialog', (d) => void d.accept());
    await alice.getByTestId('account-toggle-444455556666').click();
    await expect(alice.getByTestId('account-444455556666')).toHaveAttribute('data-disabled', 'true');
    await bob.reload();
    expect(await visibleRoles(bob)).toEqual([]);
    await alice.getByTestId('account-toggle-444455556666').click();
    await expect(alice.getByTestId('account-444455556666')).toHaveAttribute('data-disabled', 'false');

    // A disabled connection: not offered, refused if called directly, and sessions that came through it are over.
    const sam = await (await browser.newContext()).newPage();
    await signInSaml(sam, 'adfs', 'sam@example.com');
    await expect(sam).toHaveURL(/\/roles$/);
    await alice.goto('/admin/connections');
    alice.once('dialog', (d) => void d.accept());
    await alice.getByTestId('connection-toggle-adfs').click();
    await expect(alice.getByTestId('saml-adfs')).toHaveAttribute('data-disabled', 'true');
    await sam.goto('/roles');
    await expect(sam).toHaveURL(/\/signin/);
    await expect(sam.getByTestId('signin-adfs')).toHaveCount(0);
    await expect(sam.getByTestId('signin-okta')).toBeVisible();
    const samlLogin = await sam.request.get('/saml/adfs/login', { maxRedirects: 0 });
    expect(samlLogin.headers().location).toBe('/error?error=CONNECTION_DISABLED');

    // The history shows every revision with its source and author.
    await alice.goto('/admin/config');
    await expect(alice.getByTestId('config-history-row').first()).toContainText('alice@example.com');
    await expect(alice.getByTestId('config-history')).toContainText('changed samlConnections/adfs');
    await expect(alice.getByTestId('config-history')).toContainText('added rules/sre-operators');
    await alice.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/admin-config.png`, fullPage: true });
  } finally {
    await restoreConfig(alice, yaml);
  }
  await bob.goto('/roles');
  expect(await visibleRoles(bob)).toEqual(['prod-Operator', 'prod-ReadOnly']);
});
