/**
 * Issue 12 §4, against the AWS emulator: the assertion the SAML console post puts in the page carries
 * SessionNotOnOrAfter and SessionDuration (never longer than the role allows), so even replayed straight
 * to AssumeRoleWithSAML it yields nothing longer; and a role held through a grant never gets an assertion
 * in the page at all — the post answers with a no-store redirect to the federation login URL
 * (getSigninToken), and the console session ends with the grant.
 */
import { AssumeRoleWithSAMLCommand, STSClient } from '@aws-sdk/client-sts';
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { exportConfig, liveRevision, restoreConfig } from '../fixtures/config';
import { signInToRoles } from '../fixtures/signin';

const AWS_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 2}`;
const SAML_ROLE = '444455556666/ReadOnly';
const SAML_ROLE_ARN = 'arn:aws:iam::444455556666:role/ReadOnly';
const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

function samlResponseOf(html: string): string {
  const value = /name="SAMLResponse" value="([^"]+)"/.exec(html)?.[1];
  if (!value) throw new Error('no SAMLResponse in the page');
  return value;
}

function sessionLimits(samlResponse: string): { notOnOrAfter: number; duration: number } {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const notOnOrAfter = /<saml:AuthnStatement [^>]*SessionNotOnOrAfter="([^"]+)"/.exec(xml)?.[1];
  const duration = /Attributes\/SessionDuration"[^>]*><saml:AttributeValue>(\d+)</.exec(xml)?.[1];
  return { notOnOrAfter: Date.parse(notOnOrAfter ?? ''), duration: Number(duration) };
}

test('the SAML console post’s assertion ends every session it starts at the role limit, even replayed to STS', async ({ page, context }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  const started = Date.now();
  const res = await page.request.post('/api/aws/saml-console', { form: { roleId: SAML_ROLE }, headers: origin(page), maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  const samlResponse = samlResponseOf(await res.text());
  const limits = sessionLimits(samlResponse);
  expect(limits.duration).toBe(3600);
  expect(limits.notOnOrAfter).toBeGreaterThan(started);
  expect(limits.notOnOrAfter).toBeLessThanOrEqual(Date.now() + 3600_000);

  // Replayed straight to AssumeRoleWithSAML, asking for the role's whole maximum: capped by the assertion.
  const sts = new STSClient({ region: 'us-east-1', endpoint: AWS_URL, credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
  const out = await sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: SAML_ROLE_ARN, PrincipalArn: 'arn:aws:iam::444455556666:saml-provider/rolegate', SAMLAssertion: samlResponse, DurationSeconds: 3600 }));
  expect(out.Credentials?.Expiration?.getTime()).toBeLessThanOrEqual(limits.notOnOrAfter);

  // What a person sees: the console session the post starts ends within the role limit.
  const [viaSaml] = await Promise.all([context.waitForEvent('page'), page.getByTestId('console-saml-prod-ReadOnly').click()]);
  await expect(viaSaml.getByTestId('console-arn')).toHaveText('arn:aws:sts::444455556666:assumed-role/ReadOnly/okta=alice@example.com');
  const expires = Date.parse((await viaSaml.getByTestId('console-expires').textContent()) ?? '');
  expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000);
});

test('a SAML role held through a grant never gets an assertion in the page: a no-store redirect through getSigninToken', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const created = await alice.request.post('/api/admin/grants', {
    data: { roleId: SAML_ROLE, email: 'gina@example.com', emailIdp: 'google', reason: 'issue 12: SAML console for a granted role', durationMinutes: 30, requiredApprovals: 0 },
    headers: origin(alice),
  });
  expect(created.status(), await created.text()).toBe(200);
  const grant = (await created.json()).grant as { id: string; effectiveEnd: string };
  try {
    const gina = await (await browser.newContext()).newPage();
    await signInToRoles(gina, 'google', 'gina@example.com');
    const res = await gina.request.post('/api/aws/saml-console', { form: { roleId: SAML_ROLE }, headers: origin(gina), maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers()['cache-control']).toContain('no-store');
    const location = res.headers().location ?? '';
    expect(location.startsWith(`${AWS_URL}/federation?`)).toBe(true);
    expect(new URL(location).searchParams.get('Action')).toBe('login');
    expect(new URL(location).searchParams.get('SigninToken')).toBeTruthy();
    expect(await res.text()).not.toContain('SAMLResponse');

    // The person clicking "via SAML" lands in the console, assumed server-side; the session ends with the grant.
    const [consolePage] = await Promise.all([gina.context().waitForEvent('page'), gina.getByTestId('console-saml-prod-ReadOnly').click()]);
    await expect(consolePage.getByTestId('console-arn')).toHaveText('arn:aws:sts::444455556666:assumed-role/ReadOnly/google=gina@example.com');
    const expires = Date.parse((await consolePage.getByTestId('console-expires').textContent()) ?? '');
    expect(expires).toBeLessThanOrEqual(Date.parse(grant.effectiveEnd));
  } finally {
    const revoked = await alice.request.post('/api/admin/grants/revoke', { data: { grantId: grant.id }, headers: origin(alice) });
    expect(revoked.status()).toBe(200);
  }
});

test('a SAML role with a session policy is signed in server-side with the policy: no assertion in the page', async ({ page }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  const yaml = await exportConfig(page);
  try {
    const role = {
      name: 'ReadOnly', description: 'Read-only access (delivered through SAML)', maxSessionDuration: 3600, delivery: 'saml', sessionTags: { email: 'email' },
      sessionPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}',
    };
    const edit = await page.request.post('/api/admin/config/edit', { data: { basedOn: await liveRevision(page), edit: { op: 'putRole', accountId: '444455556666', role } }, headers: origin(page) });
    expect(edit.status(), await edit.text()).toBe(200);
    const res = await page.request.post('/api/aws/saml-console', { form: { roleId: SAML_ROLE }, headers: origin(page), maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers()['cache-control']).toContain('no-store');
    expect(res.headers().location?.startsWith(`${AWS_URL}/federation?`)).toBe(true);
    expect(await res.text()).not.toContain('SAMLResponse');
    await page.goto(res.headers().location ?? '');
    await expect(page.getByTestId('console-arn')).toHaveText('arn:aws:sts::444455556666:assumed-role/ReadOnly/okta=alice@example.com');
  } finally {
    await page.goto('/roles');
    await restoreConfig(page, yaml);
  }
});
