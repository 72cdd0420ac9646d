import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInToRoles } from '../fixtures/signin';

/** Issue 13 §7: every page fits a phone, names itself, and every control says what it acts on. */

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test('at 390 px neither the sign-in page nor an admin’s role picker scrolls sideways, and Sign out is on screen', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto('/signin');
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await signInToRoles(page, 'okta', 'alice@example.com');
  await expect(page.getByTestId('nav-audit')).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
  expect(signOut && signOut.x + signOut.width).toBeLessThanOrEqual(390);
  // A wide admin table scrolls inside its card: the page itself stays 390 px wide.
  await page.goto('/admin/connections');
  await expect(page.getByTestId('oidc-idps')).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});

test('at 1280 px the admin header shows the whole “via <IdP>” line', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signInToRoles(page, 'okta', 'alice@example.com');
  const meta = page.getByTestId('current-user').locator('.user-meta');
  await expect(meta).toContainText('via Okta (demo)');
  const clipped = await meta.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(clipped).toBe(false);
  expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
});

test('each page has its own title (WCAG 2.4.2)', async ({ page }) => {
  await page.goto('/signin');
  await expect(page).toHaveTitle('Sign in · Rolegate');
  await signInToRoles(page, 'okta', 'alice@example.com');
  await expect(page).toHaveTitle('Roles · Rolegate');
  const titles = new Set<string>();
  for (const path of ['/admin/audit', '/admin/rules', '/admin/grants', '/admin/revocation', '/admin/connections', '/admin/accounts', '/admin/config', '/admin/saml', '/requests']) {
    await page.goto(path);
    titles.add(await page.title());
  }
  expect(titles.size).toBe(9);
  expect(titles).toContain('Audit ledger · Rolegate');
});

test('row buttons name their role and account; the focus ring is solid; the demo banner is in the banner landmark', async ({ page }) => {
  // A keyboard user's ring on a button: opaque accent, not the old 35 %-transparent shadow (1.7:1).
  await page.goto('/signin'); // signed out: the sign-in page redirects a signed-in user
  for (let i = 0; i < 6 && !(await page.getByTestId('signin-okta').evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  const ring = await page.getByTestId('signin-okta').evaluate((el) => getComputedStyle(el).boxShadow);
  expect(ring).not.toContain('rgba');
  expect(ring).toContain('rgb(29, 91, 208)');
  await signInToRoles(page, 'okta', 'alice@example.com');
  await expect(page.getByRole('button', { name: 'Keys for ReadOnly in prod', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Console for Admin in dev', exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByTestId('demo-banner')).toBeVisible();
});
