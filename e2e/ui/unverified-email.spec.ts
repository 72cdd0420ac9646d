/**
 * Issue 12 §1/§2 end to end: an Okta user whose profile says alice@example.com without email_verified is
 * not alice — not an admin (alice is one, by `{ idp: okta, email: alice@example.com }`), not named as her in
 * AWS — and the ledger shows the email as "unverified".
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInToRoles } from '../fixtures/signin';
import { callerIdentityArn } from '../support/aws-client';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });
const AWS_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

test('an unverified alice@example.com is not an admin, gets her own AWS identity, and shows as unverified', async ({ browser }) => {
  const ursula = await (await browser.newContext()).newPage();
  await signInToRoles(ursula, 'okta', 'ursula@example.com');
  await expect(ursula.getByTestId('nav-grants')).toHaveCount(0);
  expect((await ursula.goto('/admin/audit'))?.status()).toBe(403);
  await ursula.goto('/roles');
  const keys = await ursula.request.post('/api/aws/credentials', { data: { roleId: '111122223333/ReadOnly' }, headers: origin(ursula) });
  expect(keys.status()).toBe(200);
  const { credentials } = (await keys.json()) as { credentials: Parameters<typeof callerIdentityArn>[1] };
  const arn = (await callerIdentityArn(AWS_URL, credentials)) ?? '';
  // <idp>-<Rolegate user id>: never the unverified email, never the raw subject.
  expect(arn).toMatch(/^arn:aws:sts::111122223333:assumed-role\/ReadOnly\/okta-[0-9a-f-]{36}$/);
  expect(arn).not.toContain('alice');

  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  expect((await alice.request.post('/api/aws/credentials', { data: { roleId: '111122223333/ReadOnly' }, headers: origin(alice) })).status()).toBe(200);
  await alice.goto('/admin/audit');
  await alice.getByTestId('audit-q').fill('alice@example.com');
  await alice.getByTestId('audit-type').selectOption('issuance');
  await alice.getByTestId('audit-search').click();
  const rows = alice.getByTestId('audit-row');
  const ursulas = rows.filter({ hasText: /okta-[0-9a-f-]{36}/ }).first();
  await expect(ursulas.getByTestId('email-unverified')).toHaveText('unverified');
  const alices = rows.filter({ hasText: 'okta=alice@example.com' }).first();
  await expect(alices.getByTestId('email-unverified')).toHaveCount(0);
});
