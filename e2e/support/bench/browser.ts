/** Browser half of the benchmark: Debian Chromium signs in through the demo IdP and opens keys. */
import { chromium, type Browser, type Page } from '@playwright/test';
import { timed } from './stats';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Same steps as e2e/fixtures/signin.ts: /signin → Okta-shaped demo IdP → back on /roles. */
export async function signInToRoles(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByTestId('signin-okta').click();
  await page.getByTestId('idp-login').fill(login);
  await page.getByTestId('idp-password').fill(password);
  await page.getByTestId('idp-submit').click();
  await page.waitForURL((url) => url.pathname === '/roles', { timeout: 30_000 });
}

/**
 * Clicks the role's Keys button `n` times and measures until the keys panel shows an access key id.
 * The panel is closed with Escape (and awaited closed) between rounds, outside the measured span.
 */
export async function timeRoleToKeys(page: Page, roleSlug: string, n: number): Promise<number[]> {
  const button = page.getByTestId(`keys-${roleSlug}`);
  const output = page.getByTestId('keys-output');
  const withKeys = output.filter({ hasText: 'AWS_ACCESS_KEY_ID' });
  await button.waitFor({ state: 'visible' });
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    samples.push(
      await timed(async () => {
        await button.click();
        await withKeys.waitFor({ state: 'visible', timeout: 15_000 });
      }),
    );
    await page.keyboard.press('Escape');
    await output.waitFor({ state: 'hidden', timeout: 5_000 });
  }
  return samples;
}
