/**
 * Issue 13 §4 end to end: every refused OIDC sign-in lands on Rolegate's error page with its own code and
 * a sentence a person understands — before, next-auth put the user back on the picker with nothing said,
 * and answered an unknown IdP id with its own 400 text page.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { signIn, signInToRoles } from '../fixtures/signin';
import { DEMO_PASSWORD } from '../support/oidc-idp/users';

const APP_PORT = String(Number(process.env.E2E_PORT ?? 3100));

async function expectErrorPage(page: Page, code: string, sentence: RegExp): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/error\\?error=${code}$`));
  await expect(page.getByTestId('error-code')).toHaveText(code);
  await expect(page.getByTestId('error-message')).toHaveText(sentence);
}

/** Clicks "Sign in with Okta" and waits for the demo IdP's login form. */
async function startOkta(page: Page): Promise<void> {
  await page.goto('/signin');
  await page.getByTestId('signin-okta').click();
  await expect(page.getByTestId('idp-login')).toBeVisible({ timeout: 30_000 });
}

async function submitIdpLogin(page: Page, login: string): Promise<void> {
  await page.getByTestId('idp-login').fill(login);
  await page.getByTestId('idp-password').fill(DEMO_PASSWORD);
  await page.getByTestId('idp-submit').click();
}

test('an unknown IdP id in a sign-in or callback URL is OIDC_IDP_UNKNOWN, not next-auth’s text page', async ({
  page,
}) => {
  await page.goto('/api/auth/signin/no-such-idp');
  await expectErrorPage(page, 'OIDC_IDP_UNKNOWN', /identity provider Rolegate does not know/);
  await page.goto('/api/auth/callback/no-such-idp?code=abc&state=def');
  await expectErrorPage(page, 'OIDC_IDP_UNKNOWN', /identity provider Rolegate does not know/);
});

test('the IdP answering error=access_denied is OIDC_IDP_ERROR', async ({ page }) => {
  // The IdP refuses at its authorization endpoint, as Okta does for a user not assigned to the app.
  await page.route(
    (url) =>
      url.port !== APP_PORT &&
      url.searchParams.get('response_type') === 'code' &&
      url.searchParams.has('state'),
    async (route) => {
      const state = new URL(route.request().url()).searchParams.get('state') ?? '';
      const back = `http://localhost:${APP_PORT}/api/auth/callback/okta?${new URLSearchParams({ error: 'access_denied', error_description: 'User is not assigned to the client application.', state })}`;
      await route.fulfill({ status: 302, headers: { Location: back } });
    },
  );
  await page.goto('/signin');
  await page.getByTestId('signin-okta').click();
  await expectErrorPage(page, 'OIDC_IDP_ERROR', /did not sign you in/);
});

test('a callback without this browser’s state cookie is OIDC_STATE_INVALID', async ({
  page,
  context,
}) => {
  await startOkta(page);
  // As when the sign-in was started in another browser, or the cookie expired meanwhile.
  await context.clearCookies({ name: /next-auth\.state$/ });
  await submitIdpLogin(page, 'alice@example.com');
  await expectErrorPage(
    page,
    'OIDC_STATE_INVALID',
    /could not be matched to one started in this browser/,
  );
});

test('a code the IdP refuses to exchange (forged or already used) is OIDC_TOKEN_INVALID', async ({
  page,
}) => {
  // This browser's sign-in is genuine (its state, nonce and PKCE cookies are set) but the code is not:
  // openid-client's token request is refused with invalid_grant. (Playwright cannot rewrite the IdP's
  // redirect to the callback, so the callback is visited with the real state and a forged code.)
  const authorize = page.waitForRequest(
    (r) => new URL(r.url()).searchParams.get('response_type') === 'code',
  );
  await startOkta(page);
  const sent = new URL((await authorize).url());
  const callback = new URLSearchParams({
    code: 'forged-authorization-code',
    state: sent.searchParams.get('state') ?? '',
    iss: `${sent.origin}/okta`,
  });
  await page.goto(`/api/auth/callback/okta?${callback}`);
  await expectErrorPage(page, 'OIDC_TOKEN_INVALID', /answer could not be verified/);
});

test('groups sent as a distributed claim are OIDC_GROUPS_OVERAGE, not a sign-in with no roles', async ({
  page,
}) => {
  await signIn(page, 'okta', 'olga@example.com');
  await expectErrorPage(page, 'OIDC_GROUPS_OVERAGE', /too many groups/);
});

test('a good sign-in still passes through untouched, after a refused one in the same browser', async ({
  page,
}) => {
  await page.goto('/api/auth/callback/okta?code=abc&state=def');
  await expectErrorPage(page, 'OIDC_STATE_INVALID', /could not be matched/);
  await signInToRoles(page, 'okta', 'alice@example.com');
});

test('refusals reach the ledger as signin failed rows with their code and count', async ({
  page,
}) => {
  // The counters of a minute reach the ledger at the sweep 2 s after it closes (auth-state-sweep.ts).
  test.setTimeout(120_000);
  for (let i = 0; i < 3; i++) await page.goto(`/api/auth/callback/no-such-idp?code=c${i}`);
  await expectErrorPage(page, 'OIDC_IDP_UNKNOWN', /does not know/);
  await signInToRoles(page, 'okta', 'alice@example.com');
  const rows = page.getByTestId('audit-row').filter({ hasText: 'OIDC_IDP_UNKNOWN' });
  await expect
    .poll(
      async () => (await page.goto('/admin/audit?type=signin&q=OIDC_IDP_UNKNOWN'), rows.count()),
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  await expect(rows.first()).toHaveAttribute('data-outcome', 'failed');
  await expect(rows.first()).toContainText(/\d+ in this minute/);
});
