import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { callerIdentityArn } from '../support/aws-client';
import { signIn, signInToRoles, visibleRoles } from '../fixtures/signin';

const AWS_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

test('two users with different groups each see exactly their roles', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  expect(await visibleRoles(alice)).toEqual(['dev-Admin', 'dev-Developer', 'dev-ReadOnly', 'prod-ReadOnly']);
  await expect(alice.getByTestId('demo-banner')).toBeVisible();

  const bob = await (await browser.newContext()).newPage();
  await signInToRoles(bob, 'okta', 'bob@example.com');
  expect(await visibleRoles(bob)).toEqual(['prod-Operator', 'prod-ReadOnly']);
});

test('a user whose groups map to nothing sees the empty state, not an error', async ({ page }) => {
  await signInToRoles(page, 'okta', 'carol@example.com');
  expect(await visibleRoles(page)).toEqual([]);
  await expect(page.getByText('No roles are mapped to your groups yet')).toBeVisible();
});

test('the search box filters as you type', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.getByTestId('role-search').fill('prod read');
  expect(await visibleRoles(page)).toEqual(['prod-ReadOnly']);
  await page.getByTestId('role-search').fill('zzz');
  await expect(page.getByTestId('no-match')).toBeVisible();
});

test('Console lands on the AWS console as the assumed role, in the role region and service', async ({ page, context }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.getByTestId('role-dev-Admin').locator('select[name="service"]').selectOption('s3');
  const [consolePage] = await Promise.all([context.waitForEvent('page'), page.getByTestId('console-dev-Admin').click()]);
  await consolePage.waitForLoadState();
  await expect(consolePage.getByTestId('console-arn')).toHaveText('arn:aws:sts::111122223333:assumed-role/Admin/okta=alice@example.com');
  await expect(consolePage.getByTestId('console-region')).toHaveText('eu-west-1');
  await expect(consolePage.getByTestId('console-service')).toHaveText('s3');
});

test('keys from the panel work for GetCallerIdentity against the emulator', async ({ page }) => {
  await signInToRoles(page, 'okta', 'bob@example.com');
  await page.getByTestId('keys-prod-Operator').click();
  const panel = page.getByTestId('keys-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('format-json').click();
  const json = JSON.parse((await panel.getByTestId('keys-output').textContent()) ?? '{}') as Record<string, string>;
  expect(json.Version).toBe(1);
  await expect(panel.getByTestId('expiry')).toContainText(/Expires in \d+:\d\d/);
  const arn = await callerIdentityArn(AWS_URL, { accessKeyId: json.AccessKeyId ?? '', secretAccessKey: json.SecretAccessKey ?? '', sessionToken: json.SessionToken ?? '', expiration: json.Expiration ?? '' });
  expect(arn).toBe('arn:aws:sts::444455556666:assumed-role/Operator/okta=bob@example.com');
  await panel.getByTestId('format-bash').click();
  await expect(panel.getByTestId('keys-output')).toContainText(`export AWS_ACCESS_KEY_ID='${json.AccessKeyId}'`);
});

test('sign-out ends the session on the server: the old cookie no longer works', async ({ page, context, browser }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  const stolen = await context.cookies();
  // Issue 15 §2: the cookie is used (and so remembered as decoded) before it is replayed after sign-out.
  const before = await page.request.post('/api/aws/credentials', { data: { roleId: '111122223333/Admin' }, headers: { Origin: new URL(page.url()).origin } });
  expect(before.status()).toBe(200);
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/signin/);
  const replay = await browser.newContext();
  await replay.addCookies(stolen);
  const res = await replay.request.post('/api/aws/credentials', { data: { roleId: '111122223333/Admin' }, headers: { Origin: new URL(page.url()).origin } });
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  const again = await replay.newPage();
  await again.goto('/roles');
  await expect(again).toHaveURL(/\/signin/);
});

test('Entra groups overage and a Google account outside the allowed domain get a clear error', async ({ browser }) => {
  const erin = await (await browser.newContext()).newPage();
  await signIn(erin, 'entra', 'erin@contoso.example');
  await expect(erin).toHaveURL(/\/error\?error=OIDC_GROUPS_OVERAGE/);
  await expect(erin.getByTestId('error-code')).toHaveText('OIDC_GROUPS_OVERAGE');
  await expect(erin.getByText('too many groups')).toBeVisible();

  const oscar = await (await browser.newContext()).newPage();
  await signIn(oscar, 'google', 'oscar@other.example');
  await expect(oscar.getByTestId('error-code')).toHaveText('OIDC_DOMAIN_NOT_ALLOWED');
});

test('Entra group ids and Google Workspace domains map to roles', async ({ browser }) => {
  const dana = await (await browser.newContext()).newPage();
  await signInToRoles(dana, 'entra', 'dana@contoso.example');
  expect(await visibleRoles(dana)).toEqual(['dev-Admin', 'dev-Developer', 'dev-ReadOnly', 'prod-ReadOnly']);
  const gina = await (await browser.newContext()).newPage();
  await signInToRoles(gina, 'google', 'gina@example.com');
  expect(await visibleRoles(gina)).toEqual(['dev-ReadOnly', 'security-SecurityAudit']);
});
