import { existsSync } from 'node:fs';
import { expect, test } from '../fixtures/cli';
import { loginAs } from '../fixtures/cli-login';
import { bearer } from '../fixtures/device';

const ALICE = 'alice@example.com';
const REVOKED = 'rolegate: your login has expired or was revoked; run "rolegate login"\n';
const ADMIN = ['credential-process', '--role', '111122223333/Admin'];

test('a login ended elsewhere (API logout): the AWS CLI and credential-process fail with "run rolegate login"', async ({ page, cli, request, baseURL, awsUrl }) => {
  await loginAs(page, cli, ALICE);
  expect((await cli.rolegate(['configure'])).code).toBe(0);
  const logout = await request.post('/api/v1/logout', { headers: bearer(cli.readTokens().accessToken) });
  expect(logout.status()).toBe(204);

  const aws = await cli.aws(['sts', 'get-caller-identity', '--profile', 'dev-Admin', '--output', 'json', '--endpoint-url', awsUrl]);
  // botocore passes credential_process's stderr through, after its own prefix; 255 is its exit for errors.
  expect(aws).toEqual({ code: 255, stdout: '', stderr: `\nError when retrieving credentials from custom-process: ${REVOKED}\n` });
  expect(existsSync(cli.tokensFile)).toBe(false); // the dead login is deleted, not retried on every call

  expect(await cli.rolegate(ADMIN)).toEqual({ code: 2, stdout: '', stderr: `rolegate: not logged in to ${baseURL}; run "rolegate login"\n` });
});

test('a copied login whose old refresh token is reused: both copies are revoked, credential-process exits 2', async ({ page, cli }) => {
  await loginAs(page, cli, ALICE);
  const copy = cli.copyLogin();
  copy.expireAccessToken();
  expect((await copy.rolegate(['whoami'])).code).toBe(0); // the copy refreshes: the refresh token rotates
  expect(copy.readTokens().refreshToken).not.toBe(cli.readTokens().refreshToken);

  cli.expireAccessToken(); // the original still holds the rotated-away refresh token
  expect(await cli.rolegate(ADMIN)).toEqual({ code: 2, stdout: '', stderr: REVOKED });
  // Reuse revoked the whole family: the copy's fresh tokens are dead as well.
  expect(await copy.rolegate(ADMIN)).toEqual({ code: 2, stdout: '', stderr: REVOKED });
});
