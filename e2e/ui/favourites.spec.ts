import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInToRoles } from '../fixtures/signin';

/** The API as the picker calls it: a same-origin fetch from the page (the browser adds Sec-Fetch-Site). */
async function favouritesApi(page: Page, method: 'GET' | 'PUT' | 'DELETE', roleId?: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ([m, id]) => {
      const res = await fetch(`/api/v1/favourites${id ? `?roleId=${encodeURIComponent(id)}` : ''}`, { method: m });
      return { status: res.status, body: (await res.json()) as unknown };
    },
    [method, roleId ?? ''] as const,
  );
}

test('issue 15 §4: a starred role is at the top after a reload; a role just assumed is in Recent; nobody else sees them', async ({ page, browser }) => {
  // bob's quick roles before alice does anything (other specs on this stack may have issued to bob).
  const bob = await (await browser.newContext()).newPage();
  await signInToRoles(bob, 'okta', 'bob@example.com');
  const bobBefore = await favouritesApi(bob, 'GET');
  expect(bobBefore).toMatchObject({ status: 200, body: { favourites: [] } });
  await signInToRoles(page, 'okta', 'alice@example.com');
  const row = page.getByTestId('role-prod-ReadOnly');
  await row.getByTestId('star-prod-ReadOnly').click();
  await expect(row.getByTestId('star-prod-ReadOnly')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('favourites').getByTestId('quick-prod-ReadOnly')).toBeVisible();

  await page.reload();
  const favourites = page.getByTestId('favourites');
  await expect(favourites.getByTestId('quick-prod-ReadOnly')).toBeVisible();
  await expect(row.getByTestId('star-prod-ReadOnly')).toHaveAttribute('aria-pressed', 'true');
  const firstAccount = page.locator('section.account').first();
  expect((await favourites.boundingBox())?.y ?? Infinity).toBeLessThan((await firstAccount.boundingBox())?.y ?? 0);

  // Assume a role from the list: after a reload it is in Recent (and never twice: not a favourite).
  await page.getByTestId('keys-dev-ReadOnly').click();
  await expect(page.getByTestId('keys-output')).toContainText('AWS_ACCESS_KEY_ID', { timeout: 15_000 });
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByTestId('recent').getByTestId('quick-dev-ReadOnly')).toBeVisible();
  await expect(page.getByTestId('recent').getByTestId('quick-prod-ReadOnly')).toHaveCount(0);

  // The quick row works like the list's: Keys from Favourites.
  await favourites.getByTestId('quick-keys-prod-ReadOnly').click();
  await expect(page.getByTestId('keys-arn')).toHaveText('arn:aws:iam::444455556666:role/ReadOnly', { timeout: 15_000 });
  await page.keyboard.press('Escape');

  // bob holds prod-ReadOnly too, but alice's star and her issuances are hers alone.
  await bob.reload();
  await expect(bob.getByTestId('role-prod-ReadOnly').getByTestId('star-prod-ReadOnly')).toHaveAttribute('aria-pressed', 'false');
  await expect(bob.getByTestId('favourites')).toHaveCount(0);
  expect(await favouritesApi(bob, 'GET')).toEqual(bobBefore);
  await bob.context().close();

  // Unstar: gone from Favourites after a reload.
  await row.getByTestId('star-prod-ReadOnly').click();
  await expect(row.getByTestId('star-prod-ReadOnly')).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(page.getByTestId('favourites').getByTestId('quick-prod-ReadOnly')).toHaveCount(0);
});

test('issue 15 §4: a role the caller does not hold cannot be starred, and a cross-site request is refused', async ({ page, request }) => {
  expect((await request.get('/api/v1/favourites')).status(), 'signed out').toBe(401);
  await signInToRoles(page, 'okta', 'alice@example.com');
  for (const roleId of ['444455556666/Operator', '999999999999/Nope']) {
    const refused = await favouritesApi(page, 'PUT', roleId);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'POLICY_NO_ROLE' } });
  }
  expect((await favouritesApi(page, 'PUT', 'x')).body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  // The session cookie without a same-origin signal: the CSRF check refuses before anything is stored.
  const forged = await page.request.put('/api/v1/favourites?roleId=111122223333%2FAdmin', { headers: { origin: 'https://evil.example' } });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { code: 'CSRF_REJECTED' } });
  expect(((await favouritesApi(page, 'GET')).body as { favourites: string[] }).favourites).not.toContain('111122223333/Admin');
});
