/**
 * Issue 5 §2 read views: the connections page shows every OIDC IdP and SAML connection with the IdP's
 * entity id, certificate expiry (read from the live metadata) and a test sign-in; the accounts page
 * shows roles with delivery, limits, tags and session policies. (Config as code: admin-config.spec.ts.)
 */
import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
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
  // Issue 12 §5: Rolegate's own certificates too (the demo registered its IdP metadata with the emulator at start).
  const ownIdpKey = page.getByTestId('own-key-aws-idp-signing');
  await expect(ownIdpKey).toHaveAttribute('data-expiry', 'ok');
  await expect(ownIdpKey).toContainText(/takes over \d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('own-keys-warning')).toHaveCount(0);
  await page.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/admin-connections.png`, fullPage: true });

  await page.getByTestId('nav-accounts').click();
  const audit = page.getByTestId('role-777788889999/SecurityAudit');
  await expect(audit.getByTestId('session-policy')).toContainText('cloudtrail:LookupEvents');
  await expect(page.getByTestId('role-444455556666/ReadOnly')).toContainText('saml');
  await expect(page.getByTestId('role-111122223333/Admin')).toContainText('email ← email');
});
