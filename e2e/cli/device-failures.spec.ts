import { existsSync } from 'node:fs';
import { expect, test } from '../fixtures/cli';
import { decideInBrowser, promptText, startLogin } from '../fixtures/cli-login';
import { expireDeviceCode } from '../fixtures/device';
import { signInToRoles } from '../fixtures/signin';

test('a code denied in the browser: login exits 3 with the reason, stdout empty, nothing stored', async ({ page, cli, baseURL }) => {
  const { login, prompt } = await startLogin(cli);
  await decideInBrowser(page, prompt, 'bob@example.com', 'deny');
  const done = await login.exited;
  expect(done).toEqual({
    code: 3,
    stdout: '',
    stderr: `${promptText(prompt)}rolegate: the sign-in request was denied in the browser\n`,
  });
  expect(existsSync(cli.tokensFile)).toBe(false);
  expect(await cli.rolegate(['whoami', '--server', baseURL ?? ''])).toEqual({
    code: 2,
    stdout: '',
    stderr: `rolegate: not logged in to ${baseURL}; run "rolegate login"\n`,
  });
});

test('a code that expires before approval: login exits 4 and says to log in again; the page refuses the code', async ({ page, cli }) => {
  const { login, prompt } = await startLogin(cli);
  // The server's clock decides expiry: end this request's 10 minutes now instead of waiting them out.
  expireDeviceCode(prompt.userCode);
  const done = await login.exited;
  expect(done).toEqual({
    code: 4,
    stdout: '',
    stderr: `${promptText(prompt)}rolegate: the code expired before it was approved; run "rolegate login" again\n`,
  });
  expect(existsSync(cli.tokensFile)).toBe(false);

  await signInToRoles(page, 'okta', 'alice@example.com');
  await page.goto(new URL(prompt.completeUri).pathname + new URL(prompt.completeUri).search);
  await expect(page.getByTestId('device-result')).toContainText('has expired');
  await expect(page.getByTestId('device-approve')).toHaveCount(0);
});
