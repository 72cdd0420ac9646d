/** Issue 15 §4: admin lists are paged and filtered on the server (GET ?q= and ?page=). */
import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
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

test('the rule form lists the rule’s own roles always and the others by its filter', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.goto('/admin/rules?q=prod-operators&edit=prod-operators#rule-form');
  const roles = page.getByTestId('rule-roles');
  await expect(roles.getByTestId('rule-role-444455556666/Operator')).toBeChecked();
  await expect(roles.getByTestId('rule-role-444455556666/ReadOnly')).toBeChecked();
  await expect(roles.getByTestId('rule-role-111122223333/Developer')).not.toBeChecked();
  await page.getByTestId('rule-role-filter').fill('developer');
  // The rule's own roles stay listed (and checked); of the others only the matches are.
  await expect(roles.getByTestId('rule-role-444455556666/Operator')).toBeChecked();
  await expect(roles.getByTestId('rule-role-111122223333/Developer')).toBeVisible();
  await expect(roles.getByTestId('rule-role-111122223333/Admin')).toHaveCount(0);
  await roles.getByTestId('rule-role-111122223333/Developer').check();
  await roles.getByTestId('rule-role-444455556666/ReadOnly').uncheck();
  // A role checked under one filter stays listed under the next; one unchecked drops out of the pinned set.
  await page.getByTestId('rule-role-filter').fill('admin');
  await expect(roles.getByTestId('rule-role-111122223333/Developer')).toBeChecked();
  await expect(roles.getByTestId('rule-role-111122223333/Admin')).not.toBeChecked();
  await expect(roles.getByTestId('rule-role-444455556666/ReadOnly')).toHaveCount(0);
  await expect(roles.locator('legend')).toHaveText(/2 chosen of \d+/);
});

test('the reverse lookup’s role select lists the filter’s matches and keeps the chosen role', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.goto('/admin/rules?role=444455556666%2FOperator');
  const select = page.getByTestId('reverse-role');
  await expect(select).toHaveValue('444455556666/Operator');
  await page.getByTestId('reverse-role-filter').fill('readonly');
  await expect(select.locator('option')).toHaveText(['—', 'prod/Operator (444455556666)', 'dev/ReadOnly (111122223333)', 'prod/ReadOnly (444455556666)']);
  await select.selectOption('111122223333/ReadOnly');
  await page.getByTestId('reverse-submit').click();
  await expect(page).toHaveURL(/role=111122223333%2FReadOnly/);
  await expect(page.getByTestId('reverse-rules')).toHaveText('readonly, google-workspace');
});
