/**
 * Issue 5 §5 lock-down, end to end: an admin switches it on with a reason; every signed-in page shows the
 * banner; a normal user's keys (web, where the refusal shows on the role's row, and CLI) and console link are
 * refused with ISSUANCE_LOCKED and each refusal is audited; the break-glass admin still gets keys; switching
 * it off restores issuance.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { bearer, cliLogin, pollToken, requestDeviceCode, signInAtDevicePage } from '../fixtures/device';
import { signInToRoles } from '../fixtures/signin';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });
const REASON = 'INC-900: suspected key leak';

test('lock-down stops every issuance except break-glass, shows a banner, is audited, and ends cleanly', async ({ browser, request }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const bob = await (await browser.newContext()).newPage();
  const cli = await cliLogin(bob, request, 'bob@example.com');
  await bob.goto('/roles');
  try {
    await alice.goto('/admin/revocation');
    await expect(alice.getByTestId('lockdown-state')).toHaveText('off');
    // No reason: a typed refusal, nothing changes.
    const noReason = await alice.request.post('/api/admin/lockdown', { data: { enabled: true, reason: '' }, headers: origin(alice) });
    expect(noReason.status()).toBe(400);
    expect((await noReason.json()).error.code).toBe('BAD_REQUEST');
    await alice.reload();
    await expect(alice.getByTestId('lockdown-state')).toHaveText('off');

    alice.once('dialog', (d) => void d.accept());
    await alice.getByTestId('lockdown-reason').fill(REASON);
    await alice.getByTestId('lockdown-enable').click();
    await expect(alice.getByTestId('lockdown-state')).toHaveText('ON');
    await expect(alice.getByTestId('lockdown-banner')).toContainText(REASON);

    await bob.reload();
    await expect(bob.getByTestId('lockdown-banner')).toContainText(REASON);
    // In the role picker the refusal shows on the row, with its code, and no keys panel opens.
    await bob.getByTestId('keys-prod-Operator').click();
    const refusal = bob.getByTestId('role-prod-Operator').getByTestId('role-error');
    await expect(refusal).toContainText('locked down by an administrator');
    await expect(refusal.locator('code')).toHaveText('ISSUANCE_LOCKED');
    await expect(bob.getByTestId('keys-panel')).toHaveCount(0);
    await bob.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/roles-lockdown.png`, fullPage: true });
    const keys = await bob.request.post('/api/aws/credentials', { data: { roleId: '444455556666/Operator' }, headers: origin(bob) });
    expect(keys.status()).toBe(403);
    expect(keys.headers()['cache-control']).toContain('no-store');
    expect((await keys.json()).error.code).toBe('ISSUANCE_LOCKED');
    const viaCli = await request.post('/api/v1/credentials', { data: { roleId: '444455556666/Operator' }, headers: bearer(cli.access_token) });
    expect(viaCli.status()).toBe(403);
    expect((await viaCli.json()).error.code).toBe('ISSUANCE_LOCKED');
    const consoleLink = await bob.request.post('/api/aws/console', { form: { roleId: '444455556666/Operator' }, headers: origin(bob), maxRedirects: 0 });
    expect(consoleLink.headers().location).toBe('/error?error=ISSUANCE_LOCKED');

    const breakGlass = await alice.request.post('/api/aws/credentials', { data: { roleId: '111122223333/Admin' }, headers: origin(alice) });
    expect(breakGlass.status()).toBe(200);

    // Four refusals: the Keys click in the picker, web keys, CLI keys and the console link.
    await alice.goto('/admin/audit?q=ISSUANCE_LOCKED');
    await expect(alice.getByTestId('audit-row')).toHaveCount(4);
    await alice.goto('/admin/audit?type=lockdown');
    await expect(alice.getByTestId('audit-row')).toHaveCount(1);
    await alice.goto('/admin/revocation');
    await alice.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/admin-lockdown.png`, fullPage: true });
    await alice.getByTestId('lockdown-disable').click();
    await expect(alice.getByTestId('lockdown-state')).toHaveText('off');
    await expect(alice.getByTestId('lockdown-banner')).toHaveCount(0);

    const again = await bob.request.post('/api/aws/credentials', { data: { roleId: '444455556666/Operator' }, headers: origin(bob) });
    expect(again.status()).toBe(200);
  } finally {
    // Never leave the shared e2e database locked for the specs that follow.
    await alice.request.post('/api/admin/lockdown', { data: { enabled: false }, headers: origin(alice) });
  }
});

// Runs after the test above: the shared database's lock-down ledger already holds that test's switch.
test('issue 12: switching lock-down on denies every device code in flight, approved or pending', async ({ browser, request }) => {
  const approved = await requestDeviceCode(request);
  const bob = await (await browser.newContext()).newPage();
  await signInAtDevicePage(bob, approved, 'bob@example.com');
  await bob.getByTestId('device-approve').click();
  await expect(bob.getByTestId('device-result')).toContainText('Approved');
  const pending = await requestDeviceCode(request);
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const on = await alice.request.post('/api/admin/lockdown', { data: { enabled: true, reason: 'issue 12: device codes in flight' }, headers: origin(alice) });
  try {
    expect(on.status()).toBe(200);
    // Before issue 12 the approved code became a 12-hour CLI login during the lock-down.
    for (const code of [approved, pending]) {
      const res = await pollToken(request, code.device_code);
      expect(res.status()).toBe(400);
      expect((await res.json()).error).toBe('access_denied');
    }
  } finally {
    expect((await alice.request.post('/api/admin/lockdown', { data: { enabled: false }, headers: origin(alice) })).status()).toBe(200);
  }
});
