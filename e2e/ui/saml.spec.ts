import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { callerIdentityArn } from '../support/aws-client';
import { signInSaml, signInToRoles, visibleRoles } from '../fixtures/signin';

const AWS_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

async function keysArn(page: import('@playwright/test').Page, slug: string): Promise<string | undefined> {
  await page.getByTestId(`keys-${slug}`).click();
  const panel = page.getByTestId('keys-panel');
  await panel.getByTestId('format-json').click();
  const json = JSON.parse((await panel.getByTestId('keys-output').textContent()) ?? '{}') as Record<string, string>;
  await page.keyboard.press('Escape');
  return callerIdentityArn(AWS_URL, { accessKeyId: json.AccessKeyId ?? '', secretAccessKey: json.SecretAccessKey ?? '', sessionToken: json.SessionToken ?? '', expiration: json.Expiration ?? '' });
}

test('two users sign in through SAML IdPs (ADFS and Okta shapes) and see exactly their roles', async ({ browser }) => {
  const sam = await (await browser.newContext()).newPage();
  await signInSaml(sam, 'adfs', 'sam@example.com');
  await expect(sam).toHaveURL(/\/roles$/);
  expect(await visibleRoles(sam)).toEqual(['dev-Admin', 'dev-Developer', 'dev-ReadOnly', 'prod-ReadOnly']);
  const sid = await (await browser.newContext()).newPage();
  await signInSaml(sid, 'okta-saml', 'sid@example.com');
  expect(await visibleRoles(sid)).toEqual(['prod-Operator', 'prod-ReadOnly']);
});

test('Entra-shaped SAML maps group object ids, Shibboleth isMemberOf works, no groups means no roles', async ({ browser }) => {
  const entra = await (await browser.newContext()).newPage();
  await signInSaml(entra, 'entra-saml', 'sid@example.com');
  expect(await visibleRoles(entra)).toEqual(['prod-Operator', 'prod-ReadOnly']);
  const shib = await (await browser.newContext()).newPage();
  await signInSaml(shib, 'shibboleth', 'nora@example.com');
  expect(await visibleRoles(shib)).toEqual([]);
});

test('a SAML user gets working keys for a SAML-delivered role (AssumeRoleWithSAML) and a web-identity role', async ({ page }) => {
  await signInSaml(page, 'adfs', 'sam@example.com');
  expect(await keysArn(page, 'prod-ReadOnly')).toBe('arn:aws:sts::444455556666:assumed-role/ReadOnly/adfs=sam@example.com');
  expect(await keysArn(page, 'dev-Admin')).toBe('arn:aws:sts::111122223333:assumed-role/Admin/adfs=sam@example.com');
});

test('an OIDC user gets keys and both console paths for a SAML-delivered role', async ({ page, context }) => {
  await signInToRoles(page, 'okta', 'alice@example.com');
  expect(await keysArn(page, 'prod-ReadOnly')).toBe('arn:aws:sts::444455556666:assumed-role/ReadOnly/okta=alice@example.com');
  const [viaFederation] = await Promise.all([context.waitForEvent('page'), page.getByTestId('console-prod-ReadOnly').click()]);
  await expect(viaFederation.getByTestId('console-arn')).toHaveText('arn:aws:sts::444455556666:assumed-role/ReadOnly/okta=alice@example.com');
  const [viaSaml] = await Promise.all([context.waitForEvent('page'), page.getByTestId('console-saml-prod-ReadOnly').click()]);
  await expect(viaSaml.getByTestId('console-arn')).toHaveText('arn:aws:sts::444455556666:assumed-role/ReadOnly/okta=alice@example.com');
  await expect(viaSaml.getByTestId('console-region')).toHaveText('us-east-1');
});

test('the IdP metadata for IAM and the SP metadata are published', async ({ request, baseURL }) => {
  const idp = await (await request.get('/aws/saml/metadata')).text();
  expect(idp).toContain(`entityID="${baseURL}/aws/saml"`);
  expect((idp.match(/<ds:X509Certificate>/g) ?? []).length).toBeGreaterThanOrEqual(1);
  const sp = await (await request.get('/saml/adfs/metadata')).text();
  expect(sp).toContain(`${baseURL}/saml/adfs/acs`);
  expect(sp).toMatch(/KeyDescriptor[^>]*use="signing"/);
  expect(sp).toMatch(/KeyDescriptor[^>]*use="encryption"/);
  expect((await request.get('/saml/nope/metadata')).status()).toBe(404);
});

test('an IdP-initiated (unsolicited) response is refused when the connection does not allow it', async ({ page, baseURL }) => {
  const samlIdp = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 3}`;
  await page.goto(`${samlIdp}/adfs/idp-init?sp=${encodeURIComponent(`${baseURL}/saml/adfs/metadata`)}`);
  await page.getByTestId('saml-idp-login').fill('sam@example.com');
  await page.getByTestId('saml-idp-password').fill('demo');
  await page.getByTestId('saml-idp-submit').click();
  await expect(page).toHaveURL(/\/error\?error=SAML_UNSOLICITED/);
  await expect(page.getByTestId('error-code')).toHaveText('SAML_UNSOLICITED');
  await page.goto('/roles');
  await expect(page).toHaveURL(/\/signin$/);
});

test('a SAML response only signs in the browser that started the sign-in (no login CSRF)', async ({ browser }) => {
  const attacker = await browser.newContext();
  const page = await attacker.newPage();
  let body: string | null = null;
  await page.route('**/saml/adfs/acs', async (route) => {
    body = route.request().postData();
    await route.abort();
  });
  await page.goto('/signin');
  await page.getByTestId('signin-adfs').click();
  await page.getByTestId('saml-idp-login').fill('sid@example.com');
  await page.getByTestId('saml-idp-password').fill('demo');
  await page.getByTestId('saml-idp-submit').click();
  await expect.poll(() => body).not.toBeNull();
  const form = Object.fromEntries(new URLSearchParams(body ?? ''));

  const victim = await browser.newContext();
  const planted = await victim.request.post('/saml/adfs/acs', { form, maxRedirects: 0 });
  expect(planted.status()).toBe(303);
  expect(planted.headers().location).toBe('/error?error=SAML_IN_RESPONSE_TO_MISMATCH');
  const victimPage = await victim.newPage();
  await victimPage.goto('/roles');
  await expect(victimPage).toHaveURL(/\/signin$/);

  // Issue 12 §7: the refused post spent nothing, so whoever saw the response first cannot lock its owner
  // out; the owner's browser signs in once, and posting the same response again is a replay.
  await page.unroute('**/saml/adfs/acs');
  const own = await page.request.post('/saml/adfs/acs', { form, maxRedirects: 0 });
  expect(own.headers().location).toBe('/roles');
  const again = await page.request.post('/saml/adfs/acs', { form, maxRedirects: 0 });
  expect(again.headers().location).toBe('/error?error=SAML_REPLAY');
});

test('the browser that started the sign-in completes it with the same response', async ({ page }) => {
  let body: string | null = null;
  await page.route('**/saml/adfs/acs', async (route) => {
    body = route.request().postData();
    await route.abort();
  });
  await page.goto('/signin');
  await page.getByTestId('signin-adfs').click();
  await page.getByTestId('saml-idp-login').fill('sid@example.com');
  await page.getByTestId('saml-idp-password').fill('demo');
  await page.getByTestId('saml-idp-submit').click();
  await expect.poll(() => body).not.toBeNull();
  await page.unroute('**/saml/adfs/acs');
  const own = await page.request.post('/saml/adfs/acs', { form: Object.fromEntries(new URLSearchParams(body ?? '')), maxRedirects: 0 });
  expect(own.headers().location).toBe('/roles');
});
