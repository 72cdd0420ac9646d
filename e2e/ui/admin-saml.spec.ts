import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInSaml, signInToRoles } from '../fixtures/signin';

test('an admin reads the SAML sign-in trace: checks, attributes and matched rules, and the failures', async ({ browser }) => {
  const user = await (await browser.newContext()).newPage();
  await signInSaml(user, 'shibboleth', 'sam@example.com');
  await expect(user).toHaveURL(/\/roles$/);
  const forged = await user.request.post('/saml/shibboleth/acs', { form: { SAMLResponse: Buffer.from('<not-saml/>').toString('base64') }, maxRedirects: 0 });
  expect(forged.status()).toBe(303);
  expect(forged.headers().location).toMatch(/\/error\?error=SAML_/);

  const admin = await (await browser.newContext()).newPage();
  await signInToRoles(admin, 'okta', 'alice@example.com');
  await admin.getByTestId('nav-saml-diagnostics').click();
  const section = admin.getByTestId('traces-shibboleth');
  await expect(section.getByTestId('trace-outcome').filter({ hasText: 'ok' }).first()).toBeVisible();
  await expect(section.getByTestId('trace-code').first()).toContainText('SAML_');
  await section.getByTestId('trace').filter({ hasText: 'ok' }).first().locator('summary').click();
  await expect(section.getByText('urn:oid:1.3.6.1.4.1.5923.1.5.1.1').first()).toBeVisible();
  await expect(section.getByText(/Matched rules: .*dev-admins/).first()).toBeVisible();
});

test('a non-admin cannot open the admin pages', async ({ page }) => {
  await signInToRoles(page, 'okta', 'bob@example.com');
  await expect(page.getByTestId('nav-saml-diagnostics')).toHaveCount(0);
  const res = await page.goto('/admin/saml');
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('error-code')).toHaveText('FORBIDDEN');
});
