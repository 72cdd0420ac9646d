/** Issue 15 §4: admin lists are paged and filtered on the server (GET ?q= and ?page=). */
import { expect, test } from '@playwright/test';
import { signInToRoles } from '../fixtures/signin';

test('accounts and rules: the filter narrows the list on the server, an Edit link keeps it, a page past the end shows the last', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.goto('/admin/accounts');
  await expect(page.getByTestId('accounts-pager-count')).toHaveText('1–3 of 3 accounts');
  await expect(page.getByTestId('accounts-pager-next')).toHaveCount(0);
  await page.getByTestId('accounts-pager-q').fill('Operator');
  await page.getByTestId('accounts-pager-q').press('Enter');
  await expect(page).toHaveURL(/\/admin\/accounts\?q=Operator$/);
  await expect(page.getByTestId('accounts-pager-count')).toHaveText('1–1 of 1 account');
  await expect(page.getByTestId('account-444455556666')).toBeVisible();
  await expect(page.getByTestId('account-111122223333')).toHaveCount(0);
  // Forms only for the account being edited; the Edit link keeps the filter.
  await expect(page.getByTestId('role-form-444455556666')).toHaveCount(0);
  await page.getByTestId('role-edit-444455556666/Operator').click();
  await expect(page).toHaveURL(/q=Operator&page=1&role=444455556666%2FOperator/);
  await expect(page.getByTestId('role-form-444455556666')).toBeVisible();

  await page.goto('/admin/accounts?q=no-such-account');
  await expect(page.getByTestId('accounts-pager-count')).toHaveText('No accounts');
  await page.goto('/admin/accounts?page=99');
  await expect(page.getByTestId('accounts-pager-count')).toHaveText('1–3 of 3 accounts');

  await page.goto('/admin/rules?q=aws-prod-operators');
  const rows = page.getByTestId('rules-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('rule-prod-operators')).toBeVisible();
});
