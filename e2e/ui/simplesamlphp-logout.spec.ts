/**
 * Issue 13 §5/§6: single logout both ways with Debian's SimpleSAMLphp 1.19. Its IdP metadata has an
 * HTTP-Redirect SingleLogoutService, so Rolegate's connection has single logout on; SimpleSAMLphp is told
 * Rolegate's SLO endpoint and SP signing certificate (it checks our signed LogoutRequest and signs its own
 * logout messages: `validate.logout`, `sign.logout`), read from Rolegate's SP metadata once the connection
 * exists. (1) Signing out of Rolegate ends SimpleSAMLphp's session too: the next sign-in asks for the
 * password. (2) SimpleSAMLphp's IdP-initiated logout ends the Rolegate session on the server: even the old
 * cookie, put back, is signed out.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { APP_URL, putSamlConnection, rolegateSp, signInSsp, SSP_SUBJECT_ATTRIBUTE, sspAdminSession, sspLogin, useSimpleSamlPhp } from '../fixtures/simplesamlphp';

const CONNECTION = 'ssp-slo';
const SP = rolegateSp(CONNECTION);
const SLO_URL = `${APP_URL}/saml/${CONNECTION}/slo`;

const ssp = useSimpleSamlPhp([SP]);

/** Rolegate's SP metadata for the connection: it advertises our SLO endpoint; returns our signing certificate. */
async function rolegateSigningCert(admin: Page): Promise<string> {
  const res = await admin.request.get(`/saml/${CONNECTION}/metadata`);
  expect(res.status()).toBe(200);
  const xml = await res.text();
  expect(xml).toContain(`Location="${SLO_URL}"`);
  const signing = /<(?:\w+:)?KeyDescriptor use="signing">[\s\S]*?<(?:\w+:)?X509Certificate>([^<]+)</.exec(xml);
  expect(signing, 'a signing certificate in our SP metadata').not.toBeNull();
  return (signing?.[1] ?? '').replace(/\s+/g, '');
}

/** Whether `cookies` (a signed-in browser's) still open the portal in a fresh context. */
async function portalOpensWith(page: Page, cookies: Awaited<ReturnType<ReturnType<Page['context']>['cookies']>>): Promise<boolean> {
  const context = await page.context().browser()?.newContext();
  if (!context) throw new Error('no browser');
  await context.addCookies(cookies.filter((c) => c.domain === 'localhost' && c.name.includes('next-auth.session-token')));
  const probe = await context.newPage();
  await probe.goto('/roles');
  const open = new URL(probe.url()).pathname === '/roles';
  await context.close();
  return open;
}

test('issue 13 §5: single logout both ways with SimpleSAMLphp', async ({ browser }) => {
  // Two browsers, two config edits and SimpleSAMLphp's PHP pages, as simplesamlphp-subject.spec.ts: 60 s was
  // the whole margin on a loaded 2-core CI machine.
  test.setTimeout(120_000);
  const { admin, restore } = await sspAdminSession(browser);
  try {
    await putSamlConnection(admin, { id: CONNECTION, name: 'SimpleSAMLphp SLO', preset: 'shibboleth', metadataUrl: ssp.metadataUrl, subjectAttribute: SSP_SUBJECT_ATTRIBUTE });
    ssp.setSps([{ ...SP, singleLogout: { url: SLO_URL, signingCert: await rolegateSigningCert(admin) } }]);

    // (1) SP-initiated: sign out of Rolegate → our signed LogoutRequest → SimpleSAMLphp → its LogoutResponse → sign-in page.
    const stella = await signInSsp(browser, ssp, CONNECTION, 'stella');
    await expect(stella).toHaveURL(/\/roles$/);
    const before = await stella.context().cookies();
    await stella.getByTestId('sign-out').click();
    await expect(stella.getByTestId('signed-out-idp')).toBeVisible({ timeout: 30_000 });
    expect(await portalOpensWith(stella, before)).toBe(false);
    // SimpleSAMLphp's session is gone too: signing in again asks for the password.
    await stella.getByTestId(`signin-${CONNECTION}`).click();
    await sspLogin(stella, ssp, 'stella');
    await expect(stella).toHaveURL(/\/roles$/);

    // (2) IdP-initiated: SimpleSAMLphp logs out every SP of its session, Rolegate through /slo.
    const rory = await signInSsp(browser, ssp, CONNECTION, 'rory');
    await expect(rory).toHaveURL(/\/roles$/);
    const cookies = await rory.context().cookies();
    expect(await portalOpensWith(rory, cookies)).toBe(true);
    await rory.goto(ssp.idpLogoutUrl(`${APP_URL}/signin`));
    await rory.waitForURL((url) => url.origin === APP_URL && url.pathname === '/signin', { timeout: 30_000 });
    expect(await portalOpensWith(rory, cookies)).toBe(false);
    await rory.goto('/roles');
    await expect(rory).toHaveURL(/\/signin/);

    // Both are in the ledger: our LogoutRequest sent, the IdP's received (one session ended).
    const ledger = await admin.request.get('/api/admin/audit/export?format=json&type=signout');
    const rows = ((await ledger.json()) as { events: Array<{ idpId?: string; detail?: { slo?: string; sessions?: number } }> }).events;
    const slo = rows.filter((r) => r.idpId === CONNECTION).map((r) => [r.detail?.slo, r.detail?.sessions]);
    expect(slo).toEqual(expect.arrayContaining([['request-sent', undefined], ['request-received', 1]]));
  } catch (err) {
    console.error(`SimpleSAMLphp log:\n${ssp.log().slice(-5000)}`);
    throw err;
  } finally {
    await restore();
  }
});
