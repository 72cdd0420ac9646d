/**
 * Issue 5 §3 access requests: a user asks for a requestable role with a reason; it waits for an admin
 * other than them; once approved the role is in their picker with its remaining time, and keys work.
 * Roles not marked requestable, a forged request, and an approval by a non-admin are refused.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInToRoles, visibleRoles } from '../fixtures/signin';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

test('a user requests a role, an admin approves it, the user holds it for the time asked', async ({ browser }) => {
  const carol = await (await browser.newContext()).newPage();
  await signInToRoles(carol, 'okta', 'carol@example.com'); // group marketing: no roles
  expect(await visibleRoles(carol)).toEqual([]);
  // Until React has hydrated the form its button is disabled: a click that came first would submit it
  // natively, as a GET with the reason in the URL.
  const served = await (await carol.request.get('/requests')).text();
  expect(served).toMatch(/<button[^>]*disabled=""[^>]*data-testid="request-submit"/);
  await carol.getByTestId('nav-requests').click();
  await expect(carol.getByTestId('request-submit')).toBeEnabled();
  await carol.getByTestId('request-role').selectOption('444455556666/Operator');
  await carol.getByTestId('request-hours').fill('2');
  await carol.getByTestId('request-reason').fill('INC-4711: on call for the payments outage');
  await carol.getByTestId('request-submit').click();
  await expect(carol.getByTestId('request-sent')).toBeVisible();
  await expect(carol.getByTestId('my-request-state').first()).toHaveText('waiting for approval (0 of 1)');
  // The same request again from the form: the server's reason shows beside it.
  await carol.getByTestId('request-role').selectOption('444455556666/Operator');
  await carol.getByTestId('request-reason').fill('INC-4711: again');
  await carol.getByTestId('request-submit').click();
  await expect(carol.getByTestId('request-problem')).toHaveText('you already have a pending request for this role');
  await expect(carol.getByTestId('request-sent')).toHaveCount(0);

  // Refused: the same role again while pending, a role that is not requestable, a forged body, CSRF; approving as a non-admin.
  const again = await carol.request.post('/api/access-requests', { data: { roleId: '444455556666/Operator', reason: 'again', hours: 1 }, headers: origin(carol) });
  expect((await again.json()).error.detail).toBe('you already have a pending request for this role');
  const admin = await carol.request.post('/api/access-requests', { data: { roleId: '111122223333/Admin', reason: 'please', hours: 1 }, headers: origin(carol) });
  expect(admin.status()).toBe(400);
  expect((await admin.json()).error.code).toBe('GRANT_ROLE_UNKNOWN');
  const forged = await carol.request.post('/api/access-requests', { data: { roleId: '444455556666/ReadOnly', reason: 'x', hours: 1, userId: 'someone-else' }, headers: origin(carol) });
  expect(forged.status()).toBe(400);
  const csrf = await carol.request.post('/api/access-requests', { data: { roleId: '444455556666/Operator', reason: 'x', hours: 1 }, headers: { Origin: 'http://evil.example' } });
  expect(csrf.status()).toBe(403);
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  await alice.getByTestId('nav-grants').click();
  const row = alice.getByTestId('grant-row').filter({ hasText: 'INC-4711' });
  await expect(row.getByTestId('grant-phase')).toHaveText('pending');
  const grantId = (await row.getAttribute('data-grant-id')) ?? '';
  const selfApproval = await carol.request.post('/api/admin/grants/decide', { data: { grantId, decision: 'approve' }, headers: origin(carol) });
  expect(selfApproval.status()).toBe(403);
  await row.getByTestId('grant-approve').click();
  await expect(row.getByTestId('grant-phase')).toHaveText('active');

  await carol.goto('/roles');
  expect(await visibleRoles(carol)).toEqual(['prod-Operator']);
  const keys = await carol.request.post('/api/aws/credentials', { data: { roleId: '444455556666/Operator' }, headers: origin(carol) });
  expect(keys.status()).toBe(200);
  await carol.goto('/requests');
  await expect(carol.getByTestId('my-request-state').first()).toContainText(/approved · 1 h 5\d min left|approved · 2 h left|approved · 1 h \d+ min left/);
  await carol.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/access-requests.png`, fullPage: true });

  // Revoked by an admin: gone from carol's picker at the next request.
  const revoke = await alice.request.post('/api/admin/grants/revoke', { data: { grantId }, headers: origin(alice) });
  expect(revoke.status()).toBe(200);
  await carol.goto('/roles');
  expect(await visibleRoles(carol)).toEqual([]);
});
