/**
 * Issue 15 §4: the role list is one tab stop (roving tabindex); arrows move between account headers and
 * roles, ← and → fold and unfold an account, folds can be clicked and undone all at once, and a filter
 * shows the matches of folded accounts. Alice holds dev/Admin, dev/Developer, dev/ReadOnly, prod/ReadOnly.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInToRoles, visibleRoles } from '../fixtures/signin';

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

/** Elements inside the list that Tab reaches. */
const listTabStops = (page: Page) =>
  page.locator('.account-list').evaluate((list) =>
    [...list.querySelectorAll<HTMLElement>('button, select, input:not([type=hidden]), a[href], [tabindex]')].filter((el) => el.tabIndex >= 0).map((el) => el.getAttribute('data-testid') ?? el.tagName),
  );

test('the list is one tab stop; arrows walk headers and roles; only the focused row\'s controls are tabbable', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  expect(await listTabStops(page)).toEqual(['account-toggle-111122223333']);

  await page.getByTestId('role-search').press('ArrowDown');
  expect(await focusedTestId(page)).toBe('account-toggle-111122223333');
  await page.keyboard.press('ArrowDown');
  expect(await focusedTestId(page)).toBe('role-dev-Admin');
  // The favourite star is one of the row's controls: in the tab order only while its row is the focused one.
  expect(await listTabStops(page)).toEqual(['role-dev-Admin', 'star-dev-Admin', 'SELECT', 'console-dev-Admin', 'keys-dev-Admin']);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('role-dev-Admin').getByTestId('star-dev-Admin')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('role-dev-Admin').locator('select')).toBeFocused();

  await page.getByTestId('role-dev-Admin').focus();
  await page.keyboard.press('End');
  expect(await focusedTestId(page)).toBe('role-prod-ReadOnly');
  await page.keyboard.press('ArrowUp');
  expect(await focusedTestId(page)).toBe('account-toggle-444455556666');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('role-search')).toBeFocused();
});

test('← folds an account and → unfolds it; ← on a role goes to its account', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.getByTestId('role-search').press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  const dev = page.getByTestId('account-toggle-111122223333');
  await expect(dev).toBeFocused();
  await expect(dev).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(dev).toHaveAttribute('aria-expanded', 'false');
  expect(await visibleRoles(page)).toEqual(['prod-ReadOnly']);
  await page.keyboard.press('ArrowDown');
  expect(await focusedTestId(page)).toBe('account-toggle-444455556666');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(dev).toHaveAttribute('aria-expanded', 'true');
  expect(await visibleRoles(page)).toEqual(['dev-Admin', 'dev-Developer', 'dev-ReadOnly', 'prod-ReadOnly']);
});

test('folds by click and all at once; a filter shows matches in folded accounts and the folds come back after it', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.getByTestId('account-toggle-444455556666').click();
  expect(await visibleRoles(page)).toEqual(['dev-Admin', 'dev-Developer', 'dev-ReadOnly']);
  await page.getByTestId('fold-all').click();
  expect(await visibleRoles(page)).toEqual([]);
  await expect(page.getByTestId('account-111122223333')).toBeVisible();

  await page.getByTestId('role-search').fill('readonly');
  await expect(page.getByTestId('role-prod-ReadOnly')).toBeVisible();
  expect(await visibleRoles(page)).toEqual(['dev-ReadOnly', 'prod-ReadOnly']);
  await page.getByTestId('role-search').fill('');
  await expect(page.getByTestId('role-dev-ReadOnly')).toHaveCount(0);
  await page.getByTestId('unfold-all').click();
  expect(await visibleRoles(page)).toEqual(['dev-Admin', 'dev-Developer', 'dev-ReadOnly', 'prod-ReadOnly']);
});
