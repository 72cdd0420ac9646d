import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInSaml } from '../fixtures/signin';

test('issue 13 §3: an Entra SAML user in over 150 groups (groups.link) lands on SAML_GROUPS_OVERAGE, not a sign-in with no roles', async ({ page }) => {
  await signInSaml(page, 'entra-saml', 'erin@example.com');
  await expect(page).toHaveURL(/\/error\?error=SAML_GROUPS_OVERAGE$/);
  await expect(page.getByTestId('error-code')).toHaveText('SAML_GROUPS_OVERAGE');
  await expect(page.getByTestId('error-message')).toContainText('too many groups');
  await page.goto('/roles');
  await expect(page).toHaveURL(/\/signin/);
});
