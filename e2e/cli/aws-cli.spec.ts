import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures/cli';
import { loginAs } from '../fixtures/cli-login';

const ALICE = 'alice@example.com';
const BUNDLE = path.resolve(__dirname, '../../lib/cli/dist/rolegate.cjs');
const PROFILES = 'dev-Admin, dev-Developer, dev-ReadOnly, prod-ReadOnly';

test('configure writes a credential_process profile per role; the real AWS CLI signs with the role keys', async ({ page, newCli, rolegateProxy, awsUrl }) => {
  // The CLI's server is the counting proxy: every request it makes to Rolegate is recorded there.
  const cli = newCli(rolegateProxy.url);
  await loginAs(page, cli, ALICE);
  const configured = await cli.rolegate(['configure']);
  expect(configured).toEqual({ code: 0, stdout: '', stderr: `Wrote 4 profile(s) to ${cli.awsConfigFile}: ${PROFILES}\n` });
  const ini = readFileSync(cli.awsConfigFile, 'utf8');
  expect(ini).toContain(
    `[profile dev-Developer]\ncredential_process = ${process.execPath} ${BUNDLE} credential-process --role 111122223333/Developer --server ${rolegateProxy.url}\nregion = eu-west-1\n`,
  );
  expect(ini).toContain(`--role 444455556666/ReadOnly --server ${rolegateProxy.url}\nregion = us-east-1\n`);

  const callerIdentity = ['sts', 'get-caller-identity', '--profile', 'dev-Developer', '--output', 'json', '--endpoint-url', awsUrl];
  const exportKeys = ['configure', 'export-credentials', '--profile', 'dev-Developer', '--format', 'process'];
  const seen = rolegateProxy.requests.length;
  const first = await cli.aws(callerIdentity);
  expect(first.stderr).toBe('');
  expect(JSON.parse(first.stdout)).toEqual({
    UserId: expect.stringMatching(new RegExp(`^AROA[A-Z0-9]{17}:okta=${ALICE}$`)),
    Account: '111122223333',
    Arn: `arn:aws:sts::111122223333:assumed-role/Developer/okta=${ALICE}`,
  });
  expect(first.code).toBe(0);
  expect(rolegateProxy.requests.slice(seen)).toEqual(['POST /api/v1/credentials']);
  const keys = JSON.parse((await cli.aws(exportKeys)).stdout) as { AccessKeyId: string };

  // Within the cache window: two more AWS CLI runs, each starting credential_process, and not one request to Rolegate.
  const second = await cli.aws(callerIdentity);
  expect({ code: second.code, stderr: second.stderr, identity: JSON.parse(second.stdout) }).toEqual({ code: 0, stderr: '', identity: JSON.parse(first.stdout) });
  expect(JSON.parse((await cli.aws(exportKeys)).stdout)).toMatchObject({ Version: 1, AccessKeyId: keys.AccessKeyId });
  expect(keys.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
  expect(rolegateProxy.requests.slice(seen)).toEqual(['POST /api/v1/credentials']);
});

test('a SAML-delivered role (prod/ReadOnly) works through credential_process as well', async ({ page, cli, awsUrl }) => {
  await loginAs(page, cli, ALICE);
  expect((await cli.rolegate(['configure'])).code).toBe(0);
  const saml = await cli.aws(['sts', 'get-caller-identity', '--profile', 'prod-ReadOnly', '--output', 'json', '--endpoint-url', awsUrl]);
  expect(saml.stderr).toBe('');
  expect(JSON.parse(saml.stdout)).toMatchObject({ Account: '444455556666', Arn: `arn:aws:sts::444455556666:assumed-role/ReadOnly/okta=${ALICE}` });
  expect(saml.code).toBe(0);
});
