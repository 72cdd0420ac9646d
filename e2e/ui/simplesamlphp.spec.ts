/**
 * Issue 13 §6: a real SAML IdP in our tests. Debian's SimpleSAMLphp 1.19 (installed by .ci/setup.sh) is
 * an upstream IdP with its own defaults — transient NameID, signed assertion in an unsigned response,
 * pretty-printed XML, attributes named as configured (uid, mail, isMemberOf…) — and people sign in
 * through its own login form. The connection is added by the admin API (Shibboleth preset: isMemberOf
 * carries groups, mail the email) and the demo's config is put back at the end.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { exportConfig, liveRevision, restoreConfig } from '../fixtures/config';
import { signInToRoles, visibleRoles } from '../fixtures/signin';
import { startSimpleSamlPhp, type SimpleSamlPhp } from '../support/simplesamlphp/server';
import { SSP_PASSWORD } from '../support/simplesamlphp/users';

const APP_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;
const SSP_PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
const CONNECTION = 'simplesamlphp';
const SP_ENTITY_ID = `${APP_URL}/saml/${CONNECTION}/metadata`;

let ssp: SimpleSamlPhp;

test.beforeAll(async () => {
  ssp = await startSimpleSamlPhp({ port: SSP_PORT, sps: [{ entityId: SP_ENTITY_ID, acsUrl: `${APP_URL}/saml/${CONNECTION}/acs` }] });
});

test.afterAll(async () => {
  await ssp?.close();
});

async function putConnection(admin: Page, allowIdpInitiated: boolean): Promise<void> {
  const connection = { id: CONNECTION, name: 'SimpleSAMLphp', preset: 'shibboleth', metadataUrl: ssp.metadataUrl, allowIdpInitiated };
  const res = await admin.request.post('/api/admin/config/edit', {
    data: { basedOn: await liveRevision(admin), edit: { op: 'putSamlConnection', connection } },
    headers: { Origin: new URL(admin.url()).origin },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** SimpleSAMLphp's own username/password form (modules/core/templates/loginuserpass.twig). */
async function sspLogin(page: Page, uid: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${ssp.url}/module\\.php/core/loginuserpass\\.php`));
  await page.locator('#username').fill(uid);
  await page.locator('#password').fill(SSP_PASSWORD);
  await page.locator('#submit_button').click();
  // SimpleSAMLphp answers with an auto-submitting HTTP-POST form to our ACS; wait until Rolegate has it.
  await page.waitForURL((url) => url.origin === APP_URL && !url.pathname.startsWith('/saml/'), { timeout: 30_000 });
}

async function signInSsp(browser: Browser, uid: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signin');
  await page.getByTestId(`signin-${CONNECTION}`).click();
  await sspLogin(page, uid);
  return page;
}

test('issue 13 §6: people sign in through SimpleSAMLphp; groups map to roles, no groups is no roles, IdP-initiated only when allowed', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const yaml = await exportConfig(alice);
  try {
    await putConnection(alice, false);

    // isMemberOf aws-dev-admins → the demo's dev-admins rule; aws-readonly → the readonly rule.
    const stella = await signInSsp(browser, 'stella');
    await expect(stella).toHaveURL(/\/roles$/);
    expect(await visibleRoles(stella)).toEqual(['dev-Admin', 'dev-Developer']);
    const rory = await signInSsp(browser, 'rory');
    await expect(rory).toHaveURL(/\/roles$/);
    expect(await visibleRoles(rory)).toEqual(['dev-ReadOnly', 'prod-ReadOnly']);

    // No isMemberOf at all: the no-roles page, and it lists no groups.
    const nadia = await signInSsp(browser, 'nadia');
    await expect(nadia.getByTestId('no-roles')).toBeVisible();
    await expect(nadia.getByTestId('no-roles-groups').getByRole('listitem')).toHaveCount(0);

    // IdP-initiated (SimpleSAMLphp's unsolicited SSO): refused while the connection does not allow it…
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(ssp.idpInitiatedUrl(SP_ENTITY_ID));
    await sspLogin(visitor, 'stella');
    await expect(visitor.getByTestId('error-code')).toHaveText('SAML_UNSOLICITED');
    // …and accepted once it does (SimpleSAMLphp's session is still there: no second password).
    await putConnection(alice, true);
    await visitor.goto(ssp.idpInitiatedUrl(SP_ENTITY_ID));
    await visitor.waitForURL((url) => url.origin === APP_URL && !url.pathname.startsWith('/saml/'), { timeout: 30_000 });
    await expect(visitor).toHaveURL(/\/roles$/);
    expect(await visibleRoles(visitor)).toEqual(['dev-Admin', 'dev-Developer']);
  } catch (err) {
    console.error(`SimpleSAMLphp log:\n${ssp.log().slice(-5000)}`);
    throw err;
  } finally {
    await restoreConfig(alice, yaml);
  }
});
