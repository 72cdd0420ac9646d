/**
 * Issue 5 §2 rules preview: pasted claims and a known user's latest sign-in give exactly the roles
 * issuance would give, each with the rule behind it; the reverse lookup lists the rules and the known
 * users holding a role; a malformed paste gets a typed message.
 */
import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInToRoles } from '../fixtures/signin';

test('an admin previews roles for pasted claims and a known user, and looks up who holds a role', async ({ browser }) => {
  const bob = await (await browser.newContext()).newPage();
  await signInToRoles(bob, 'okta', 'bob@example.com'); // groups aws-prod-operators

  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  await alice.getByTestId('nav-rules').click();
  await expect(alice.getByTestId('rules-table')).toContainText('dev-admins');

  await alice.getByTestId('preview-claims').fill('{"idpId":"okta","email":"new@example.com","emailVerified":true,"groups":["aws-dev-admins"]}');
  await alice.getByTestId('preview-submit').click();
  const pasted = alice.getByTestId('preview-claims-result');
  await expect(pasted.locator('[data-testid^="preview-role-"]')).toHaveCount(2);
  await expect(pasted.getByTestId('preview-role-111122223333/Admin')).toContainText('dev-admins: group aws-dev-admins matches aws-dev-admins');
  await expect(pasted.getByTestId('preview-role-111122223333/Developer')).toBeVisible();

  await alice.goto('/admin/rules');
  const bobOption = alice.getByTestId('preview-user').locator('option', { hasText: 'bob@example.com' });
  await alice.getByTestId('preview-user').selectOption((await bobOption.getAttribute('value')) ?? '');
  await alice.getByTestId('preview-submit').click();
  const known = alice.getByTestId('preview-user-result');
  await expect(known.locator('[data-testid^="preview-role-"]')).toHaveCount(2);
  await expect(known.getByTestId('preview-role-444455556666/Operator')).toContainText('prod-operators');
  await expect(known.getByTestId('preview-role-444455556666/ReadOnly')).toBeVisible();

  await alice.getByTestId('reverse-role').selectOption('444455556666/Operator');
  await alice.getByTestId('reverse-submit').click();
  await expect(alice.getByTestId('reverse-rules')).toHaveText('prod-operators');
  await expect(alice.getByTestId('reverse-user').filter({ hasText: 'bob@example.com' })).toHaveCount(1);
  await expect(alice.getByTestId('reverse-user').filter({ hasText: 'alice@example.com' })).toHaveCount(0);
  await alice.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/admin-rules.png`, fullPage: true });

  await alice.goto(`/admin/rules?claims=${encodeURIComponent('{"groups":"admins"}')}`);
  await expect(alice.getByTestId('preview-problem')).toContainText('claims.idpId');
  await expect(alice.getByTestId('preview-problem')).toContainText('claims.groups');
});
