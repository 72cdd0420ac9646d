/**
 * Issue 5 §2 read views: the connections page shows every OIDC IdP and SAML connection with the IdP's
 * entity id, certificate expiry (read from the live metadata) and a test sign-in; the accounts page
 * shows roles with delivery, limits, tags and session policies, and exports the whole config as YAML.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '../../lib/core/config/parse';
import { signInToRoles } from '../fixtures/signin';

test('an admin sees connections with certificate expiry and a test sign-in, and accounts with their roles', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.getByTestId('nav-connections').click();
  await expect(page.getByTestId('idp-okta')).toContainText('Okta (demo)');
  const adfs = page.getByTestId('saml-adfs');
  await expect(adfs).toContainText('/adfs/');
  await expect(adfs.getByTestId('expiry-chip').first()).toHaveAttribute('data-expiry', 'ok');
  await expect(adfs.getByTestId('metadata-problem')).toHaveCount(0);
  await expect(page.getByTestId('test-adfs')).toHaveAttribute('href', '/saml/adfs/login');
  await page.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/admin-connections.png`, fullPage: true });

  await page.getByTestId('nav-accounts').click();
  const audit = page.getByTestId('role-777788889999/SecurityAudit');
  await expect(audit.getByTestId('session-policy')).toContainText('cloudtrail:LookupEvents');
  await expect(page.getByTestId('role-444455556666/ReadOnly')).toContainText('saml');
  await expect(page.getByTestId('role-111122223333/Admin')).toContainText('email ← email');

  // Config as code: the export is the live config in the file's format, with no secret in it.
  await expect(page.getByTestId('config-export')).toHaveAttribute('href', '/api/admin/config/export');
  const exported = await page.request.get('/api/admin/config/export');
  expect(exported.status()).toBe(200);
  expect(exported.headers()['cache-control']).toContain('no-store');
  const yaml = await exported.text();
  const config = parseConfigText(yaml, 'export.yaml');
  expect([...config.roles.keys()]).toContain('777788889999/SecurityAudit');
  expect(config.rules.map((r) => r.id)).toContain('prod-operators');
  const secrets = JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR ?? '', 'demo-secrets.json'), 'utf8')) as Record<string, string>;
  for (const value of Object.values(secrets)) expect(yaml).not.toContain(value);

  // The dry run of an import: the export changes nothing; a rule that gains a group is listed; a broken file lists its problems.
  await page.getByTestId('config-yaml').fill(yaml);
  await page.getByTestId('config-preview').click();
  await expect(page.getByTestId('config-no-changes')).toBeVisible();
  await page.getByTestId('config-yaml').fill(yaml.replace('- aws-prod-operators', '- aws-prod-operators\n      - aws-sre'));
  await page.getByTestId('config-preview').click();
  await expect(page.getByTestId('config-change')).toHaveCount(1);
  await expect(page.getByTestId('config-change')).toContainText('changed rules prod-operators (groups)');
  await page.getByTestId('config-yaml').fill(yaml.replace(/retentionDays: \d+/, 'retentionDays: 1'));
  await page.getByTestId('config-preview').click();
  await expect(page.getByTestId('config-problems')).toContainText('audit.retentionDays');
});
