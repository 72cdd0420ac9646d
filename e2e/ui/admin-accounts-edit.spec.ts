/**
 * Issue 5 §2 accounts and roles from the admin pages: add an account with its first role, change a role
 * (what a signed-in user sees changes at once), and refusals for what AWS or the config would refuse.
 * The demo's config is put back at the end (as one more revision).
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { addRuleOnPage, exportConfig, liveRevision, restoreConfig } from '../fixtures/config';
import { signInToRoles, visibleRoles } from '../fixtures/signin';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

test('an admin adds an account and a role, edits a role live, and is told what cannot be saved', async ({ browser }) => {
  const bob = await (await browser.newContext()).newPage();
  await signInToRoles(bob, 'okta', 'bob@example.com');
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const yaml = await exportConfig(alice);

  try {
    await alice.goto('/admin/accounts');
    const add = alice.getByTestId('account-add');
    await add.getByTestId('account-add-id').fill('999988887777');
    await add.getByTestId('account-add-alias').fill('finance');
    await add.getByTestId('account-add-region').fill('eu-west-2');
    await add.getByTestId('role-form-name').fill('Billing');
    await add.getByTestId('account-add-submit').click();
    const finance = alice.getByTestId('account-999988887777');
    await expect(finance).toContainText('arn:aws:iam::999988887777:role/Billing');

    // A rule naming the new role: bob holds it at once.
    await addRuleOnPage(alice, { id: 'finance-ops', group: 'aws-prod-operators', roleId: '999988887777/Billing' });
    await bob.reload();
    expect(await visibleRoles(bob)).toEqual(['finance-Billing', 'prod-Operator', 'prod-ReadOnly']);

    // Edit a role: its description and session length change for bob at once.
    await alice.goto('/admin/accounts');
    await alice.getByTestId('role-edit-444455556666/Operator').click();
    const operatorForm = alice.getByTestId('role-form-444455556666');
    await operatorForm.locator('input[name="description"]').fill('Operate production (on call)');
    await operatorForm.getByTestId('role-form-duration').fill('7200');
    await operatorForm.getByTestId('role-form-444455556666-submit').click();
    await expect(operatorForm.getByTestId('role-form-444455556666-done')).toBeVisible();
    await bob.reload();
    await expect(bob.getByText('Operate production (on call)')).toBeVisible();
    await expect(bob.getByRole('listitem', { name: 'Operator in prod' })).toContainText('Max session 2 h');

    // Refused, with the reason, and nothing saved: an invalid session policy; deleting a role a rule names.
    await operatorForm.getByTestId('role-form-policy').fill('{"Version": ');
    await operatorForm.getByTestId('role-form-444455556666-submit').click();
    await expect(operatorForm.getByTestId('role-form-444455556666-problem')).toContainText('sessionPolicy: is not valid JSON');
    alice.once('dialog', (d) => void d.accept());
    await alice.getByTestId('role-delete-444455556666/Operator').click();
    await expect(alice.getByTestId('role-delete-444455556666/Operator-problem')).toContainText('unknown role "444455556666/Operator"');
    alice.once('dialog', (d) => void d.accept());
    await alice.getByTestId('role-delete-999988887777/Billing').click();
    await expect(alice.getByTestId('role-delete-999988887777/Billing-problem')).toContainText('an account keeps at least one role: disable the account instead');
    const dup = await alice.request.post('/api/admin/config/edit', {
      data: { basedOn: await liveRevision(alice), edit: { op: 'addAccount', account: { id: '999988887777', alias: 'again', region: 'eu-west-1' }, role: { name: 'X', maxSessionDuration: 3600, delivery: 'saml' } } },
      headers: origin(alice),
    });
    expect(dup.status()).toBe(400);
    expect((await dup.json()).error.detail).toBe('account 999988887777 already exists');
    await alice.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/admin-accounts-edit.png`, fullPage: true });
  } finally {
    await restoreConfig(alice, yaml);
  }
  await bob.reload();
  expect(await visibleRoles(bob)).toEqual(['prod-Operator', 'prod-ReadOnly']);
});
