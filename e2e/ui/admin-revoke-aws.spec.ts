/**
 * Issue 5 §5, revoking issued AWS sessions, proven against the AWS emulator: keys Rolegate issued before
 * a role's AWSRevokeOlderSessions (IAM PutRolePolicy) can no longer reach the console while fresh keys can;
 * then a deny on one user's SourceIdentity cuts off that user's sessions and leaves another's working.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { signInToRoles } from '../fixtures/signin';
import { callerIdentityArn, decodeAuthorizationError } from '../support/aws-client';

const AWS_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 2}`;
const STS_URL = AWS_URL; // STS answers at the emulator root (AWS_ENDPOINT_URL_STS)
const OPERATOR = '444455556666/Operator';
const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

async function keys(page: Page, roleId: string): Promise<Keys & { expiration: string }> {
  const res = await page.request.post('/api/aws/credentials', { data: { roleId }, headers: origin(page) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { credentials: Keys & { expiration: string } }).credentials;
}

/** The console sign-in (federation getSigninToken): what a revoked session can no longer do. */
async function consoleStatus(k: Keys): Promise<number> {
  const session = JSON.stringify({ sessionId: k.accessKeyId, sessionKey: k.secretAccessKey, sessionToken: k.sessionToken });
  return (await fetch(`${AWS_URL}/federation?${new URLSearchParams({ Action: 'getSigninToken', Session: session })}`)).status;
}

async function pick(admin: Page, testId: string, text: string, button: string, done: RegExp) {
  const option = admin.getByTestId(`${testId}-select`).locator('option', { hasText: text });
  await admin.getByTestId(`${testId}-select`).selectOption((await option.first().getAttribute('value')) ?? '');
  admin.once('dialog', (d) => void d.accept());
  await admin.getByTestId(button).click();
  await expect(admin.getByTestId(`${testId}-result`)).toContainText(done);
}

test('revoking a role’s older sessions and one user’s AWS sessions works against the emulator', async ({ browser }) => {
  const bob = await (await browser.newContext()).newPage();
  await signInToRoles(bob, 'okta', 'bob@example.com');
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');

  const before = await keys(bob, OPERATOR);
  expect(await consoleStatus(before)).toBe(200);
  await alice.goto('/admin/revocation');
  await pick(alice, 'revoke-role', 'prod/Operator', 'revoke-role-submit', /denied/);
  expect(await consoleStatus(before)).not.toBe(200);
  // An API call that needs a permission is refused too; GetCallerIdentity needs none and still answers, as on AWS.
  expect(await decodeAuthorizationError(STS_URL, before)).toBe('AccessDenied');
  expect(await callerIdentityArn(STS_URL, before)).toContain(':assumed-role/Operator/');
  await new Promise((r) => setTimeout(r, 1_100)); // the cutoff is rounded up to the next second
  const after = await keys(bob, OPERATOR);
  expect(await consoleStatus(after)).toBe(200);
  expect(await decodeAuthorizationError(STS_URL, after)).toBe('InvalidAuthorizationMessageException');

  // One person: bob's sessions in every role he used are denied; alice's session is untouched.
  const aliceKeys = await keys(alice, '111122223333/Admin');
  await pick(alice, 'revoke-user', 'bob@example.com', 'revoke-user-aws', /AWS sessions denied/);
  expect(await consoleStatus(after)).not.toBe(200);
  expect(await decodeAuthorizationError(STS_URL, after)).toBe('AccessDenied');
  expect(await consoleStatus(aliceKeys)).toBe(200);
  expect(await decodeAuthorizationError(STS_URL, aliceKeys)).toBe('InvalidAuthorizationMessageException');
  await new Promise((r) => setTimeout(r, 1_100));
  expect(await consoleStatus(await keys(bob, OPERATOR))).toBe(200);

  await alice.goto('/admin/audit?type=revocation');
  await expect(alice.getByTestId('audit-row').filter({ hasText: 'role.revoke-sessions' })).toHaveCount(1);
  await expect(alice.getByTestId('audit-row').filter({ hasText: 'user.revoke-aws-sessions' })).toHaveCount(1);
  const unknown = await alice.request.post('/api/admin/revocation/roles', { data: { roleId: '999999999999/Nope' }, headers: origin(alice) });
  expect(unknown.status()).toBe(404);
});

test('issue 12: revoking a user’s AWS sessions also ends the console session started by the SAML post', async ({ browser }) => {
  // dana reaches prod/ReadOnly only through the SAML console post here: no issuance row names that role for her.
  const dana = await (await browser.newContext()).newPage();
  await signInToRoles(dana, 'entra', 'dana@contoso.example');
  const [consolePage] = await Promise.all([dana.context().waitForEvent('page'), dana.getByTestId('console-saml-prod-ReadOnly').click()]);
  await expect(consolePage.getByTestId('console-arn')).toHaveText(/:assumed-role\/ReadOnly\//);
  const sourceIdentity = (await consolePage.getByTestId('console-source-identity').textContent()) ?? '';
  expect(sourceIdentity).not.toBe('');

  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  await alice.goto('/admin/revocation');
  const option = alice.getByTestId('revoke-user-select').locator('option', { hasText: 'dana@contoso.example' });
  const userId = (await option.first().getAttribute('value')) ?? '';
  const res = await alice.request.post('/api/admin/revocation/user-aws-sessions', { data: { userId }, headers: origin(alice) });
  expect(res.status(), await res.text()).toBe(200);
  expect((await res.json()).revoked).toContainEqual({ roleArn: 'arn:aws:iam::444455556666:role/ReadOnly', sourceIdentity });

  await consolePage.reload();
  await expect(consolePage.getByTestId('console-signed-out')).toContainText('revoked');
});
