/**
 * Issue 5 §5 "revoke a user": an admin ends bob's portal session and CLI login at once — his next page
 * load asks him to sign in, his access token is refused, his refresh token no longer works — and the
 * revocation is in the audit ledger. An unknown user id is a typed 404 that changes nothing.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { bearer, cliLogin, pollToken, refresh, requestDeviceCode, signInAtDevicePage } from '../fixtures/device';
import { signInToRoles } from '../fixtures/signin';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

/** An admin revokes a user from the revocation page, confirming the dialog. */
async function revokeOnPage(admin: Page, email: string): Promise<void> {
  await admin.goto('/admin/revocation');
  const option = admin.getByTestId('revoke-user-select').locator('option', { hasText: email });
  await admin.getByTestId('revoke-user-select').selectOption((await option.getAttribute('value')) ?? '');
  admin.once('dialog', (d) => void d.accept());
  await admin.getByTestId('revoke-user-submit').click();
  await expect(admin.getByTestId('revoke-user-result')).toContainText(email);
}

test('revoking a user ends their portal session and CLI login at once', async ({ browser, request }) => {
  const bob = await (await browser.newContext()).newPage();
  const cli = await cliLogin(bob, request, 'bob@example.com');
  await bob.goto('/roles');
  await expect(bob).toHaveURL(/\/roles$/);
  expect((await request.get('/api/v1/whoami', { headers: bearer(cli.access_token) })).status()).toBe(200);

  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const unknown = await alice.request.post('/api/admin/revocation/users', { data: { userId: 'no-such-user' }, headers: origin(alice) });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('NOT_FOUND');

  await revokeOnPage(alice, 'bob@example.com');

  await bob.goto('/roles');
  await expect(bob).toHaveURL(/\/signin/);
  expect((await request.get('/api/v1/whoami', { headers: bearer(cli.access_token) })).status()).toBe(401);
  const refreshed = await refresh(request, cli.refresh_token);
  expect(refreshed.status()).toBe(400);
  expect((await refreshed.json()).error).toBe('invalid_grant');

  await alice.goto('/admin/audit?type=revocation&q=bob@example.com');
  // Other specs may have revoked bob's AWS sessions in this shared database: count only this action.
  await expect(alice.getByTestId('audit-row').filter({ hasText: 'user.revoke', hasNotText: 'aws-sessions' })).toHaveCount(1);
});

test('issue 12: a device code bob approved but his CLI has not collected yet is denied when he is revoked', async ({ browser, request }) => {
  const code = await requestDeviceCode(request);
  const bob = await (await browser.newContext()).newPage();
  await signInAtDevicePage(bob, code, 'bob@example.com');
  await bob.getByTestId('device-approve').click();
  await expect(bob.getByTestId('device-result')).toContainText('Approved');

  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  await revokeOnPage(alice, 'bob@example.com');

  // Before issue 12 this poll returned a fresh 12-hour CLI login for the revoked user.
  const res = await pollToken(request, code.device_code);
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toBe('access_denied');
});
