import { statSync } from 'node:fs';
import { expect, test } from '../fixtures/cli';
import { decideInBrowser, loginAs, promptText, startLogin } from '../fixtures/cli-login';

const ALICE = 'alice@example.com';

test('rolegate login prints a code, Chromium approves it, the CLI signs in; whoami and roles work', async ({ page, cli, baseURL }) => {
  const { login, prompt } = await startLogin(cli);
  expect(prompt.userCode).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
  expect(prompt.verificationUri).toBe(`${baseURL}/device`);
  expect(prompt.completeUri).toBe(`${baseURL}/device?user_code=${prompt.userCode}`);

  await decideInBrowser(page, prompt, ALICE, 'approve');
  const done = await login.exited;
  expect(done.stdout).toBe('');
  expect(done.stderr).toBe(`${promptText(prompt)}Logged in to ${baseURL} as ${ALICE} (Okta (demo)).\n`);
  expect(done.code).toBe(0);
  expect(statSync(cli.tokensFile).mode & 0o777).toBe(0o600);

  const who = await cli.rolegate(['whoami']);
  expect(who.stderr).toBe('');
  const [name, idp, expires, server, end] = who.stdout.split('\n');
  expect([name, idp, server, end]).toEqual([`Alice Anders <${ALICE}>`, 'identity provider: Okta (demo) (via cli)', `server: ${baseURL}`, '']);
  // The login's absolute lifetime is 12 hours (refreshMaxHours), counted from the approval just now.
  const expiresIn = Date.parse(expires?.replace('login expires: ', '') ?? '') - Date.now();
  expect(expiresIn).toBeGreaterThan(12 * 3_600_000 - 120_000);
  expect(expiresIn).toBeLessThanOrEqual(12 * 3_600_000);
  expect(who.code).toBe(0);

  const roles = await cli.rolegate(['roles']);
  expect(roles.stderr).toBe('');
  // Recently used roles come first (other specs may have issued to alice), so the rows are compared as a set.
  const [header, ...rows] = roles.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/).slice(0, 4).join(' '));
  expect(header).toBe('PROFILE ROLE REGION DELIVERY');
  expect(rows.sort()).toEqual([
    'dev-Admin dev/Admin eu-west-1 web-identity',
    'dev-Developer dev/Developer eu-west-1 web-identity',
    'dev-ReadOnly dev/ReadOnly eu-west-1 web-identity',
    'prod-ReadOnly prod/ReadOnly us-east-1 saml',
  ]);
  expect(roles.code).toBe(0);
  const json = await cli.rolegate(['roles', '--json']);
  expect(JSON.parse(json.stdout).roles.map((r: { arn: string }) => r.arn)).toEqual([
    'arn:aws:iam::111122223333:role/Admin',
    'arn:aws:iam::111122223333:role/Developer',
    'arn:aws:iam::111122223333:role/ReadOnly',
    'arn:aws:iam::444455556666:role/ReadOnly',
  ]);
});

test('issue 15 §4: rolegate star puts a role first, marked, in the CLI and in the web picker; unstar takes it off', async ({ page, cli }) => {
  await loginAs(page, cli, ALICE);
  const starred = await cli.rolegate(['star', '--role', 'dev-Developer']);
  expect([starred.code, starred.stderr]).toEqual([0, expect.stringMatching(/^Starred 111122223333\/Developer\. Favourites: .*111122223333\/Developer/)]);
  const top = (await cli.rolegate(['roles'])).stdout.split('\n')[1]?.split(/\s+/);
  expect([top?.[0], top?.[5]]).toEqual(['dev-Developer', 'favourite']);
  const json = JSON.parse((await cli.rolegate(['roles', '--json'])).stdout) as { favourites: string[] };
  expect(json.favourites).toContain('111122223333/Developer');
  // The same star in the browser: the picker's Favourites holds it.
  await page.goto('/roles');
  await expect(page.getByTestId('favourites').getByTestId('quick-dev-Developer')).toBeVisible();

  const unstarred = await cli.rolegate(['unstar', '--role', 'dev/Developer']);
  expect(unstarred.code).toBe(0);
  const after = JSON.parse((await cli.rolegate(['roles', '--json'])).stdout) as { favourites: string[] };
  expect(after.favourites).not.toContain('111122223333/Developer');
  const refused = await cli.rolegate(['star', '--role', 'prod/Admin']);
  expect([refused.code, refused.stderr]).toEqual([5, expect.stringContaining('[POLICY_NO_ROLE, HTTP 403]')]);
});
