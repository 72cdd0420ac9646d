/**
 * Issue 5 §2 connections from the admin pages: an OIDC IdP added with its client secret (stored sealed,
 * never exported or audited) is offered at sign-in and works; a wrong secret makes its sign-in fail, which
 * proves the stored one is what is used; disabling it ends its sessions. A SAML connection is added from
 * pasted metadata. The demo's config is put back at the end.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { exportConfig, liveRevision, restoreConfig } from '../fixtures/config';
import { bearer, pollToken, refresh, requestDeviceCode, type Tokens } from '../fixtures/device';
import { signInToRoles, visibleRoles } from '../fixtures/signin';
import { DEMO_PASSWORD } from '../support/oidc-idp/users';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });
const secrets = () => JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR ?? '', 'demo-secrets.json'), 'utf8')) as { idpClientSecret: string };

async function signInPartners(page: Page): Promise<void> {
  await page.goto('/signin');
  await page.getByTestId('signin-okta-partners').click();
  await page.getByTestId('idp-login').fill('bob@example.com');
  await page.getByTestId('idp-password').fill(DEMO_PASSWORD);
  await page.getByTestId('idp-submit').click();
  await page.waitForURL((url) => url.port === new URL(page.url()).port && !url.pathname.includes('/interaction/'), { timeout: 30_000 });
}

async function saveIdp(alice: Page, secret: string | undefined): Promise<void> {
  const form = alice.getByTestId('oidc-form');
  if (secret !== undefined) await form.getByTestId('oidc-form-secret').fill(secret);
  await form.getByTestId('oidc-form-submit').click();
}

test('an admin adds an OIDC IdP with its secret and a SAML connection; the secret is used, never shown; disabling ends sessions', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const yaml = await exportConfig(alice);
  const secret = secrets().idpClientSecret;
  try {
    await alice.goto('/admin/connections');
    const issuer = (await alice.getByTestId('idp-okta').locator('td').nth(2).textContent()) ?? '';
    const form = alice.getByTestId('oidc-form');
    await form.getByTestId('oidc-form-id').fill('okta-partners');
    await form.getByTestId('oidc-form-name').fill('Partners (Okta)');
    await form.getByTestId('oidc-form-issuer').fill(issuer);
    await form.getByTestId('oidc-form-client-id').fill('rolegate-demo');
    await saveIdp(alice, undefined);
    await expect(form.getByTestId('oidc-form-problem')).toContainText('client secret missing');
    await saveIdp(alice, secret);
    await expect(alice.getByTestId('secret-okta-partners')).toHaveText('stored');

    // Offered and working for bob (the rules do not depend on the IdP).
    const bob = await (await browser.newContext()).newPage();
    await signInPartners(bob);
    await expect(bob).toHaveURL(/\/roles$/);
    await expect(bob.getByText('via Partners (Okta)')).toBeVisible();
    expect(await visibleRoles(bob)).toEqual(['prod-Operator', 'prod-ReadOnly']);

    // The secret is nowhere to be read: not in the export, the page, the history or the ledger.
    await alice.goto('/admin/config');
    await expect(alice.getByTestId('config-history')).toContainText('changed idps/okta-partners');
    const leaks = [await (await alice.request.get('/api/admin/config/export')).text(), await alice.content(), await (await alice.request.get('/api/admin/audit/export?format=json')).text()];
    for (const text of leaks) expect(text).not.toContain(secret);

    // A wrong secret: sign-in through the IdP fails (its token endpoint refuses the client).
    await alice.goto('/admin/connections?idp=okta-partners#oidc-form');
    await saveIdp(alice, 'not-the-secret');
    await expect(alice.getByTestId('oidc-form-done')).toBeVisible();
    const eve = await (await browser.newContext()).newPage();
    await signInPartners(eve);
    // Rolegate's error page with its code (issue 13 §4), not next-auth's OAuthCallback.
    await expect(eve).toHaveURL(/\/error\?error=OIDC_TOKEN_INVALID$/);
    await alice.goto('/admin/connections?idp=okta-partners#oidc-form');
    await saveIdp(alice, secret);
    await expect(alice.getByTestId('oidc-form-done')).toBeVisible();

    // Disabled: no longer offered, and bob's session through it is over.
    await alice.goto('/admin/connections');
    alice.once('dialog', (d) => void d.accept());
    await alice.getByTestId('connection-toggle-okta-partners').click();
    await expect(alice.getByTestId('idp-okta-partners')).toHaveAttribute('data-disabled', 'true');
    await bob.goto('/roles');
    await expect(bob).toHaveURL(/\/signin/);
    await expect(bob.getByTestId('signin-okta-partners')).toHaveCount(0);

    // The environment's secret cannot be replaced from here.
    const envSecret = await alice.request.post('/api/admin/config/edit', {
      data: { basedOn: await liveRevision(alice), edit: { op: 'putOidcIdp', idp: { id: 'okta', name: 'Okta (demo)', preset: 'okta', issuer, clientId: 'rolegate-demo' } }, clientSecret: 'x' },
      headers: origin(alice),
    });
    expect(envSecret.status()).toBe(400);
    expect((await envSecret.json()).error.detail).toContain('set in the environment');

    // A SAML connection from pasted metadata (the ADFS demo IdP's, under a new id).
    const metadata = await (await alice.request.get(`http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 3}/adfs/metadata`)).text();
    const saml = alice.getByTestId('saml-form');
    await saml.getByTestId('saml-form-id').fill('adfs-emea');
    await saml.getByTestId('saml-form-name').fill('ADFS (EMEA)');
    await saml.getByTestId('saml-form-preset').selectOption('adfs');
    await saml.getByTestId('saml-form-xml').fill(metadata);
    await saml.getByTestId('saml-form-submit').click();
    await expect(alice.getByTestId('saml-adfs-emea')).toContainText('pasted XML');
    await expect(alice.getByTestId('saml-adfs-emea').getByTestId('expiry-chip').first()).toHaveAttribute('data-expiry', 'ok');
    // Issue 12 §1: ADFS emails count as verified by default; the admin can say they do not.
    await expect(alice.getByTestId('emails-adfs-emea')).toHaveText('emails verified');
    await alice.goto('/admin/connections?edit=adfs-emea#saml-form');
    await expect(alice.getByTestId('saml-form-emails-authoritative')).toHaveValue('yes');
    await alice.getByTestId('saml-form-emails-authoritative').selectOption('no');
    await alice.getByTestId('saml-form-submit').click();
    await expect(alice.getByTestId('saml-form-done')).toBeVisible();
    await alice.goto('/admin/connections');
    await expect(alice.getByTestId('emails-adfs-emea')).toHaveText('emails unverified');
    await alice.screenshot({ path: `${process.env.E2E_DATA_DIR ?? '/tmp'}/screenshots/admin-connections-edit.png`, fullPage: true });
  } finally {
    await restoreConfig(alice, yaml);
  }
});

test('issue 13 §1: an admin adds a generic SAML connection by naming its attributes; without them the refusal says why', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const yaml = await exportConfig(alice);
  try {
    const metadata = await (await alice.request.get(`http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 3}/okta/metadata`)).text();
    await alice.goto('/admin/connections');
    const saml = alice.getByTestId('saml-form');
    await saml.getByTestId('saml-form-id').fill('corp-generic');
    await saml.getByTestId('saml-form-name').fill('Corp (generic SAML)');
    await saml.getByTestId('saml-form-preset').selectOption('generic');
    await saml.getByTestId('saml-form-xml').fill(metadata);
    await saml.getByTestId('saml-form-submit').click();
    await expect(saml.getByTestId('saml-form-problem')).toContainText('a generic connection must name its groups or email attribute');
    // Several names per attribute, one per line or comma-separated (the first one the IdP sends wins).
    await saml.getByTestId('saml-form-attr-groups').fill('memberOf\ngroups');
    await saml.getByTestId('saml-form-attr-email').fill('mail, email');
    await saml.getByTestId('saml-form-submit').click();
    await expect(saml.getByTestId('saml-form-done')).toBeVisible();
    await expect(alice.getByTestId('saml-corp-generic')).toContainText('generic');
    const exported = parse(await exportConfig(alice)) as { samlConnections: Array<{ id: string; attributes?: unknown }> };
    expect(exported.samlConnections.find((c) => c.id === 'corp-generic')?.attributes).toEqual({ groups: ['memberOf', 'groups'], email: ['mail', 'email'] });
    // Its edit form shows the names; clearing the email names keeps the groups.
    await alice.goto('/admin/connections?edit=corp-generic#saml-form');
    await expect(saml.getByTestId('saml-form-attr-groups')).toHaveValue('memberOf\ngroups');
    await saml.getByTestId('saml-form-attr-email').fill('');
    await saml.getByTestId('saml-form-submit').click();
    await expect(saml.getByTestId('saml-form-done')).toBeVisible();
    const edited = parse(await exportConfig(alice)) as typeof exported;
    expect(edited.samlConnections.find((c) => c.id === 'corp-generic')?.attributes).toEqual({ groups: ['memberOf', 'groups'] });
  } finally {
    await restoreConfig(alice, yaml);
  }
});

/** An IdP-initiated sign-in at the demo SAML IdP for adfs, as sam; returns where the browser ends. */
async function idpInitiated(page: Page, baseURL: string): Promise<void> {
  const samlIdp = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 3}`;
  await page.goto(`${samlIdp}/adfs/idp-init?sp=${encodeURIComponent(`${baseURL}/saml/adfs/metadata`)}`);
  await page.getByTestId('saml-idp-login').fill('sam@example.com');
  await page.getByTestId('saml-idp-password').fill('demo');
  await page.getByTestId('saml-idp-submit').click();
  await page.waitForURL((url) => url.port === new URL(baseURL).port, { timeout: 30_000 });
}

async function setIdpInitiated(alice: Page, allow: boolean): Promise<void> {
  await alice.goto('/admin/connections?edit=adfs#saml-form');
  await alice.getByTestId('saml-form-idp-initiated').setChecked(allow);
  await alice.getByTestId('saml-form-submit').click();
  await expect(alice.getByTestId('saml-form-done')).toBeVisible();
}

test('switching IdP-initiated sign-in on and off for a connection takes effect at the next response', async ({ browser, baseURL }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const yaml = await exportConfig(alice);
  const origin = baseURL ?? '';
  try {
    const sam = await (await browser.newContext()).newPage();
    await idpInitiated(sam, origin);
    await expect(sam).toHaveURL(/\/error\?error=SAML_UNSOLICITED/);
    await setIdpInitiated(alice, true);
    const sam2 = await (await browser.newContext()).newPage();
    await idpInitiated(sam2, origin);
    await expect(sam2).toHaveURL(/\/roles$/);
    expect(await visibleRoles(sam2)).toContain('dev-Admin');
    await setIdpInitiated(alice, false);
    const sam3 = await (await browser.newContext()).newPage();
    await idpInitiated(sam3, origin);
    await expect(sam3).toHaveURL(/\/error\?error=SAML_UNSOLICITED/);
  } finally {
    await restoreConfig(alice, yaml);
  }
});

/** gina's CLI login through the Google connection (device code approved at /device): its tokens. */
async function ginaCliLogin(page: Page, request: APIRequestContext): Promise<Tokens> {
  const code = await requestDeviceCode(request);
  await page.goto(new URL(code.verification_uri_complete).pathname + new URL(code.verification_uri_complete).search);
  await page.getByTestId('signin-google').click();
  await page.getByTestId('idp-login').fill('gina@example.com');
  await page.getByTestId('idp-password').fill(DEMO_PASSWORD);
  await page.getByTestId('idp-submit').click();
  await page.waitForURL((url) => url.pathname === '/device', { timeout: 30_000 });
  await page.getByTestId('device-approve').click();
  await expect(page.getByTestId('device-result')).toContainText('Approved');
  const res = await pollToken(request, code.device_code);
  expect(res.status()).toBe(200);
  return (await res.json()) as Tokens;
}

async function setGoogleDisabled(alice: Page, disabled: boolean): Promise<void> {
  const edit = { op: 'setDisabled', section: 'idps', id: 'google', disabled };
  const res = await alice.request.post('/api/admin/config/edit', { data: { basedOn: await liveRevision(alice), edit }, headers: origin(alice) });
  expect(res.status(), await res.text()).toBe(200);
}

test('issue 12: disabling a connection revokes its sessions and CLI logins; enabling it again revives none', async ({ browser, request }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const yaml = await exportConfig(alice);
  try {
    const gina = await (await browser.newContext()).newPage();
    const cli = await ginaCliLogin(gina, request);
    await gina.goto('/roles');
    await expect(gina).toHaveURL(/\/roles$/);
    expect((await request.get('/api/v1/whoami', { headers: bearer(cli.access_token) })).status()).toBe(200);

    await setGoogleDisabled(alice, true);
    const whileOff = await request.get('/api/v1/whoami', { headers: bearer(cli.access_token) });
    expect(whileOff.status()).toBe(401);
    expect((await whileOff.json()).error.code).toBe('TOKEN_INVALID');

    await setGoogleDisabled(alice, false);
    // Before issue 12 all of this came back to life: the cookie, the access token and the refresh token.
    await gina.goto('/roles');
    await expect(gina).toHaveURL(/\/signin/);
    expect((await request.get('/api/v1/whoami', { headers: bearer(cli.access_token) })).status()).toBe(401);
    const refreshed = await refresh(request, cli.refresh_token);
    expect(refreshed.status()).toBe(400);
    expect((await refreshed.json()).error).toBe('invalid_grant');
    await alice.goto('/admin/audit?type=revocation');
    await expect(alice.getByTestId('audit-row').filter({ hasText: 'connection.revoke-access' }).first()).toBeVisible();
  } finally {
    await restoreConfig(alice, yaml);
  }
});
